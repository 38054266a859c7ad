#!/usr/bin/env python3
# Input validator: exit 42 if the input on stdin is valid, 43 otherwise.
import re
import sys

INT = re.compile(r"(0|[1-9][0-9]*)\Z")


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def ints(line, count, what):
    parts = line.split(" ")
    if len(parts) != count or not all(INT.match(p) for p in parts):
        fail(f"{what}: expected {count} non-negative integers separated by single spaces")
    return [int(p) for p in parts]


def main():
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        fail("non-ascii input")
    if not text.endswith("\n"):
        fail("input must end with a newline")
    lines = text[:-1].split("\n")
    if len(lines) != 3:
        fail("expected exactly 3 lines")
    n, L = ints(lines[0], 2, "line 1")
    if not 1 <= n <= 5 * 10**4 or not 1 <= L <= n:
        fail("n or L out of range")
    a = ints(lines[1], n, "line 2")
    b = ints(lines[2], n, "line 3")
    if any(x > 10**4 for x in a):
        fail("a_i out of range")
    if any(not 1 <= x <= 10**4 for x in b):
        fail("b_i out of range")
    sys.exit(42)


main()
