#!/usr/bin/env python3
"""Input validator for 'Tide Gauge'. Exit 42 if the input on stdin is valid, 43 otherwise."""
import re
import sys

INT_RE = re.compile(r"^(0|-?[1-9][0-9]*)$")


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def parse_int(tok, lo, hi, what):
    if not INT_RE.fullmatch(tok):
        fail(f"{what}: not a canonical integer: {tok[:30]!r}")
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
    if len(lines) != 2:
        fail(f"expected exactly 2 lines, got {len(lines)}")
    n = parse_int(lines[0], 1, 10**5, "n")
    toks = lines[1].split(" ")
    if len(toks) != n:
        fail(f"expected {n} readings separated by single spaces, got {len(toks)} tokens")
    for i, t in enumerate(toks):
        parse_int(t, -10**9, 10**9, f"h_{i + 1}")
    sys.exit(42)


main()
