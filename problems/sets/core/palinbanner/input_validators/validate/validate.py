#!/usr/bin/env python3
"""Input validator for 'Palindrome Banner' (function interface).

The input is one line holding a JSON array of the positional arguments: [tiles].
Exit 42 if valid, 43 otherwise."""
import json
import re
import sys

TILES_RE = re.compile(r"^[a-z]{1,100000}$")


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


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
    tiles = args[0]
    if not isinstance(tiles, str):
        fail("tiles must be a string")
    if not TILES_RE.fullmatch(tiles):
        fail("tiles must be 1..100000 lowercase letters")
    sys.exit(42)


main()
