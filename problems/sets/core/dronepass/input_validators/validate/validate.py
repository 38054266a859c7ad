#!/usr/bin/env python3
"""Input validator for 'Drone Pass'. Exit 42 if the input on stdin is valid, 43 otherwise."""
import re
import sys

INT_RE = re.compile(r"^(0|-?[1-9][0-9]*)$")
C = 10**6


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
    if len(lines) < 2:
        fail("too few lines")
    for k, tok in enumerate(ints_line(lines[0], 4, "line 1")):
        parse_int(tok, -C, C, f"line 1 value {k + 1}")
    n = parse_int(lines[1], 1, 5 * 10**4, "n")
    if len(lines) != n + 2:
        fail(f"expected {n + 2} lines, got {len(lines)}")
    for i in range(n):
        x, y = ints_line(lines[2 + i], 2, f"line {i + 3}")
        parse_int(x, -C, C, f"line {i + 3}: x")
        parse_int(y, -C, C, f"line {i + 3}: y")
    sys.exit(42)


main()
