#!/usr/bin/env python3
"""Input validator for 'Snack Hike' (function interface).

The input is one line holding a JSON array of the positional arguments: [prices, budget].
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
    if not isinstance(args, list) or len(args) != 2:
        fail("expected a JSON array with exactly 2 arguments")
    prices, budget = args
    if not isinstance(prices, list):
        fail("prices must be a list")
    if not 1 <= len(prices) <= 10**5:
        fail(f"len(prices) = {len(prices)} out of range")
    for i, x in enumerate(prices):
        if not is_int(x):
            fail(f"prices[{i}] is not an integer")
        if not 0 <= x <= 10**4:
            fail(f"prices[{i}] = {x} out of range")
    if not is_int(budget):
        fail("budget is not an integer")
    if not 0 <= budget <= 10**9:
        fail(f"budget = {budget} out of range")
    sys.exit(42)


main()
