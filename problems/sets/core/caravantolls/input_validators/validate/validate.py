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
    if not 1 <= n <= 10**4:
        fail("n out of range")
    if not 0 <= m <= 3 * 10**4:
        fail("m out of range")
    if len(lines) != m + 2:
        fail(f"expected {m + 2} lines, got {len(lines)}")
    rest = ints(lines[1], n, "line 2")
    if any(q > 10**9 for q in rest):
        fail("rest time out of range")
    for i in range(m):
        u, v, w = ints(lines[2 + i], 3, f"line {i + 3}")
        if not (1 <= u <= n and 1 <= v <= n) or u == v:
            fail(f"line {i + 3}: bad endpoints")
        if w > 10**9:
            fail(f"line {i + 3}: w out of range")
    sys.exit(42)


main()
