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
    (q,) = ints(lines[0], 1, "line 1")
    if not 1 <= q <= 3 * 10**4:
        fail("q out of range")
    if len(lines) != q + 1:
        fail(f"expected {q + 1} lines, got {len(lines)}")
    for i in range(q):
        n, k, d = ints(lines[1 + i], 3, f"line {i + 2}")
        if not 3 <= n <= 2 * 10**5:
            fail(f"line {i + 2}: n out of range")
        if not 0 <= k <= n:
            fail(f"line {i + 2}: k out of range")
        if not 1 <= d <= n - 1:
            fail(f"line {i + 2}: d out of range")
    sys.exit(42)


main()
