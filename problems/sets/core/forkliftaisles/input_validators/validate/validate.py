#!/usr/bin/env python3
# Input validator: exit 42 if the input on stdin is valid, 43 otherwise.
import re
import sys


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main():
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        fail("non-ascii input")
    if not text.endswith("\n"):
        fail("input must end with a newline")
    lines = text[:-1].split("\n")
    m = re.fullmatch(r"([1-9][0-9]*) ([1-9][0-9]*)", lines[0])
    if not m:
        fail("line 1 must be 'R C'")
    R, C = int(m.group(1)), int(m.group(2))
    if not (1 <= R <= 500 and 1 <= C <= 500):
        fail("R or C out of range")
    if len(lines) != R + 1:
        fail(f"expected {R + 1} lines, got {len(lines)}")
    counts = {"S": 0, "G": 0}
    for i in range(R):
        row = lines[1 + i]
        if len(row) != C or not re.fullmatch(r"[.#SG]*", row):
            fail(f"row {i + 1}: must be {C} characters from '.#SG'")
        counts["S"] += row.count("S")
        counts["G"] += row.count("G")
    if counts["S"] != 1 or counts["G"] != 1:
        fail("need exactly one S and exactly one G")
    sys.exit(42)


main()
