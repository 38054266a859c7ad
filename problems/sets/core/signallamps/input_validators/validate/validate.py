#!/usr/bin/env python3
"""Input validator for 'Signal Lamps'. Exit 42 if the input on stdin is valid, 43 otherwise."""
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


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        fail("input is not ASCII")
    if not text.endswith("\n"):
        fail("input must end with a newline")
    lines = text[:-1].split("\n")
    q = parse_int(lines[0], 1, 2 * 10**4, "q")
    if len(lines) != q + 1:
        fail(f"expected {q + 1} lines, got {len(lines)}")
    for j in range(1, q + 1):
        toks = lines[j].split(" ")
        if len(toks) != 3:
            fail(f"line {j + 1}: expected 3 integers separated by single spaces")
        parse_int(toks[0], 1, 10**9, f"line {j + 1}: a")
        parse_int(toks[1], 1, 10**9, f"line {j + 1}: b")
        parse_int(toks[2], 1, 10**18, f"line {j + 1}: T")
    sys.exit(42)


main()
