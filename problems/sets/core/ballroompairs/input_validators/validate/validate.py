#!/usr/bin/env python3
"""Strict input validator for ballroompairs: exit 42 if valid, 43 otherwise."""
import re
import sys

INT = re.compile(r'(0|-?[1-9][0-9]*)\Z')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def ints(line, k, where):
    parts = line.split(' ')
    if len(parts) != k:
        fail(f'{where}: expected {k} tokens, got {len(parts)}')
    for p in parts:
        if not INT.match(p) or len(p) > 9:
            fail(f'{where}: bad integer {p!r}')
    vals = [int(p) for p in parts]
    for v in vals:
        if not -10 ** 6 <= v <= 10 ** 6:
            fail(f'{where}: value out of range')
    return vals


def main():
    try:
        text = sys.stdin.buffer.read().decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    if not re.match(r'[1-9][0-9]?\Z', lines[0]):
        fail('bad n')
    n = int(lines[0])
    if not 1 <= n <= 18:
        fail('n out of range')
    if len(lines) != n + 2:
        fail(f'expected {n + 2} lines, got {len(lines)}')
    ints(lines[1], n, 'line 2')
    c = [ints(lines[2 + i], n, f'line {3 + i}') for i in range(n)]
    for i in range(n):
        if c[i][i] != 0:
            fail('diagonal must be zero')
        for j in range(n):
            if c[i][j] != c[j][i]:
                fail('matrix not symmetric')
    sys.exit(42)


main()
