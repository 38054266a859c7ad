#!/usr/bin/env python3
"""Strict input validator for pillarband: exit 42 if valid, 43 otherwise."""
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
    return [int(p) for p in parts]


def main():
    try:
        text = sys.stdin.buffer.read().decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    n, r = ints(lines[0], 2, 'line 1')
    if not (1 <= n <= 50000 and 1 <= r <= 10 ** 6):
        fail('n or r out of range')
    if len(lines) != n + 1:
        fail(f'expected {n + 1} lines, got {len(lines)}')
    for i in range(1, n + 1):
        x, y = ints(lines[i], 2, f'line {i + 1}')
        if not (-10 ** 6 <= x <= 10 ** 6 and -10 ** 6 <= y <= 10 ** 6):
            fail(f'line {i + 1}: coordinate out of range')
    sys.exit(42)


main()
