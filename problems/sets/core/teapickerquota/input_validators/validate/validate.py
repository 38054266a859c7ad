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
    n, m = ints(lines[0], 2, "line 1")
    if not 1 <= n <= 20000:
        fail("n out of range")
    if not 1 <= m <= 10**9:
        fail("m out of range")
    if len(lines) != n + 1:
        fail(f"expected {n + 1} lines, got {len(lines)}")
    for i in range(n):
        t, k, r = ints(lines[1 + i], 3, f"line {i + 2}")
        if not 1 <= t <= 10**4 or not 1 <= k <= 10**4 or not 0 <= r <= 10**4:
            fail(f"line {i + 2}: value out of range")
    sys.exit(42)


main()
