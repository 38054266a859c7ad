#!/usr/bin/env python3
# Input validator for a function-call problem: one line holding the JSON array [source, target, gap].
# Exit 42 if valid, 43 otherwise.
import json
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
    if not text.endswith("\n") or text.count("\n") != 1:
        fail("input must be exactly one line ending with a newline")
    try:
        args = json.loads(text)
    except ValueError:
        fail("not valid JSON")
    if not isinstance(args, list) or len(args) != 3:
        fail("expected a JSON array of 3 arguments")
    s, t, gap = args
    for name, v in (("source", s), ("target", t)):
        if not isinstance(v, str):
            fail(f"{name} must be a string")
        if len(v) > 1000 or not re.fullmatch(r"[a-z]*", v):
            fail(f"{name}: at most 1000 lowercase letters")
    if type(gap) is not int or not 1 <= gap <= 100:
        fail("gap must be an integer in [1, 100]")
    if text != json.dumps(args) + "\n":
        fail("line is not in canonical JSON form (json.dumps with default separators)")
    sys.exit(42)


main()
