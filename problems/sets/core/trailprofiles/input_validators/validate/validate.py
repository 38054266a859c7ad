#!/usr/bin/env python3
"""Strict input validator for trailprofiles (one JSON line [heights, max_height]): exit 42 / 43."""
import json
import sys


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def is_int(x):
    return type(x) is int


def main():
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n') or text.count('\n') != 1:
        fail('input must be exactly one line ending with a newline')
    try:
        args = json.loads(text)
    except ValueError as e:
        fail(f'invalid JSON: {e}')
    if json.dumps(args) + '\n' != text:
        fail('line is not in canonical json.dumps format (spacing, extra whitespace)')
    if not isinstance(args, list) or len(args) != 2:
        fail('expected a JSON array of 2 arguments')
    heights, H = args
    if not isinstance(heights, list) or not all(is_int(x) for x in heights):
        fail('heights must be a list of integers')
    if not is_int(H):
        fail('max_height must be an integer')
    if not 0 <= H <= 2000:
        fail('max_height out of range')
    if not 2 <= len(heights) <= 2000:
        fail('n out of range')
    for x in heights:
        if not (x == -1 or 0 <= x <= H):
            fail(f'bad recorded height {x}')
    sys.exit(42)


main()
