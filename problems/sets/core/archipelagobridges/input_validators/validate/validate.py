#!/usr/bin/env python3
# Input validator: exit 42 if the input on stdin is valid, 43 otherwise.
import re
import sys


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


NUM = r"([1-9][0-9]*)"


def main():
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        fail("non-ascii input")
    if not text.endswith("\n"):
        fail("input must end with a newline")
    lines = text[:-1].split("\n")
    m = re.fullmatch(NUM + " " + NUM, lines[0])
    if not m:
        fail("line 1 must be 'n q'")
    n, q = int(m.group(1)), int(m.group(2))
    if not 1 <= n <= 10**5 or not 1 <= q <= 5 * 10**4:
        fail("n or q out of range")
    if len(lines) != q + 1:
        fail(f"expected {q + 1} lines, got {len(lines)}")
    two = re.compile("([BQ]) " + NUM + " " + NUM)
    one = re.compile("S " + NUM)
    asked = False
    for i in range(q):
        line = lines[1 + i]
        if not line.startswith("B"):
            asked = True
        if line == "C":
            continue
        m2 = two.fullmatch(line)
        if m2:
            a, b = int(m2.group(2)), int(m2.group(3))
            if not (a <= n and b <= n):
                fail(f"line {i + 2}: island out of range")
            if m2.group(1) == "B" and a == b:
                fail(f"line {i + 2}: bridge from an island to itself")
            continue
        m1 = one.fullmatch(line)
        if m1:
            if int(m1.group(1)) > n:
                fail(f"line {i + 2}: island out of range")
            continue
        fail(f"line {i + 2}: malformed operation")
    if not asked:
        fail("no Q, S or C item")
    sys.exit(42)


main()
