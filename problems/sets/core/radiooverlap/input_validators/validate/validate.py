#!/usr/bin/env python3
# Input validator for a function-call problem: one line holding the JSON array [broadcasts, k].
# Exit 42 if valid, 43 otherwise.
import json
import sys


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def is_int(x):
    return type(x) is int


def main():
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        fail("non-ascii input")
    if not text.endswith("\n") or text.count("\n") != 1:
        fail("input must be exactly one line ending with a newline")
    try:
        args = json.loads(text)
    except ValueError:
        fail("not valid JSON")
    if not isinstance(args, list) or len(args) != 2:
        fail("expected a JSON array of 2 arguments")
    B, k = args
    if not isinstance(B, list) or not 1 <= len(B) <= 3 * 10**4:
        fail("broadcasts must be a list of 1..30000 items")
    for i, b in enumerate(B):
        if not isinstance(b, list) or len(b) != 2 or not all(is_int(x) for x in b):
            fail(f"broadcast {i}: must be a list of two integers")
        s, e = b
        if not 0 <= s < e <= 10**9:
            fail(f"broadcast {i}: need 0 <= start < end <= 1e9")
    if not is_int(k) or not 1 <= k <= len(B):
        fail("k out of range")
    if text != json.dumps(args) + "\n":
        fail("line is not in canonical JSON form (json.dumps with default separators)")
    sys.exit(42)


main()
