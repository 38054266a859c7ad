#!/usr/bin/env python3
"""Input validator for 'Stamp Rally'. Exit 42 if the input on stdin is valid, 43 otherwise."""
import re
import sys

INT_RE = re.compile(r"^(0|[1-9][0-9]*)$")
NAME_RE = re.compile(r"^[a-z]{1,8}$")


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
    seen = set()
    for i in range(1, n + 1):
        toks = lines[i].split(" ")
        if len(toks) != 3:
            fail(f"line {i + 1}: expected 3 tokens separated by single spaces")
        name = toks[0]
        if not NAME_RE.fullmatch(name):
            fail(f"line {i + 1}: bad name {name[:30]!r}")
        if name in seen:
            fail(f"line {i + 1}: duplicate name {name}")
        seen.add(name)
        parse_int(toks[1], 0, 100, f"line {i + 1}: k")
        parse_int(toks[2], 1, 10**5, f"line {i + 1}: t")
    sys.exit(42)


main()
