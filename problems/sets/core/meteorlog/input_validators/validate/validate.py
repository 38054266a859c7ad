#!/usr/bin/env python3
"""Input validator for 'Meteor Log'. Exit 42 if the input on stdin is valid, 43 otherwise."""
import re
import sys

INT_RE = re.compile(r"^(0|[1-9][0-9]*)$")


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def parse_int(tok, lo, hi, what):
    if not INT_RE.fullmatch(tok):
        fail(f"{what}: not a canonical non-negative integer: {tok[:30]!r}")
    v = int(tok)
    if not lo <= v <= hi:
        fail(f"{what}: {v} out of range [{lo}, {hi}]")
    return v


def ints_line(line, count, what):
    toks = line.split(" ")
    if len(toks) != count:
        fail(f"{what}: expected {count} integers separated by single spaces, got {len(toks)} tokens")
    return toks


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        fail("input is not ASCII")
    if not text.endswith("\n"):
        fail("input must end with a newline")
    lines = text[:-1].split("\n")
    t = ints_line(lines[0], 2, "line 1")
    n = parse_int(t[0], 1, 5 * 10**4, "n")
    q = parse_int(t[1], 1, 5 * 10**4, "q")
    if len(lines) != q + 2:
        fail(f"expected {q + 2} lines, got {len(lines)}")
    for i, tok in enumerate(ints_line(lines[1], n, "line 2")):
        parse_int(tok, 0, 10**6, f"m_{i + 1}")
    for j in range(q):
        a, b = ints_line(lines[2 + j], 2, f"line {j + 3}")
        parse_int(a, 1, n, f"line {j + 3}: a")
        parse_int(b, 1, n, f"line {j + 3}: b")
    sys.exit(42)


main()
