#!/usr/bin/env python3
"""Input validator for 'Parcel Van'. Exit 42 if the input on stdin is valid, 43 otherwise."""
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
    n = parse_int(lines[0], 1, 5 * 10**4, "n")
    if len(lines) != n + 1:
        fail(f"expected {n + 1} lines, got {len(lines)}")
    for i in range(1, n + 1):
        toks = lines[i].split(" ")
        if len(toks) != 2:
            fail(f"line {i + 1}: expected 2 integers separated by a single space")
        l = parse_int(toks[0], 0, 10**9, f"line {i + 1}: l")
        r = parse_int(toks[1], 0, 10**9, f"line {i + 1}: r")
        if l > r:
            fail(f"line {i + 1}: l > r")
    sys.exit(42)


main()
