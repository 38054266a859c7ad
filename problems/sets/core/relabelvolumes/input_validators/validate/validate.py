#!/usr/bin/env python3
"""Strict input validator for relabelvolumes: exit 42 if valid, 43 otherwise."""
import re
import sys

INT = re.compile(r'[1-9][0-9]*\Z')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def main():
    try:
        text = sys.stdin.buffer.read().decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    if len(lines) != 2:
        fail(f'expected 2 lines, got {len(lines)}')
    if not INT.match(lines[0]) or len(lines[0]) > 7:
        fail('bad n')
    n = int(lines[0])
    if not 1 <= n <= 200000:
        fail('n out of range')
    parts = lines[1].split(' ')
    if len(parts) != n:
        fail(f'expected {n} values, got {len(parts)}')
    for p in parts:
        if not INT.match(p) or len(p) > 10 or int(p) > 10 ** 9:
            fail(f'bad value {p!r}')
    sys.exit(42)


main()
