#!/usr/bin/env python3
"""Input validator for 'Lookout Points' (function interface).

The input is one line holding a JSON array of the positional arguments: [heights].
Exit 42 if valid, 43 otherwise."""
import json
import sys


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        fail("input is not ASCII")
    if not text.endswith("\n") or "\n" in text[:-1]:
        fail("input must be exactly one line terminated by a newline")
    try:
        args = json.loads(text)
    except ValueError as e:
        fail(f"not valid JSON: {e}")
    if text != json.dumps(args) + "\n":
        fail("the line is not in canonical JSON form (as written by json.dumps)")
    if not isinstance(args, list) or len(args) != 1:
        fail("expected a JSON array with exactly 1 argument")
    heights = args[0]
    if not isinstance(heights, list):
        fail("heights must be a list")
    if not 1 <= len(heights) <= 10**5:
        fail(f"len(heights) = {len(heights)} out of range")
    for i, h in enumerate(heights):
        if not is_int(h):
            fail(f"heights[{i}] is not an integer")
        if not 0 <= h <= 10**9:
            fail(f"heights[{i}] = {h} out of range")
    sys.exit(42)


main()
