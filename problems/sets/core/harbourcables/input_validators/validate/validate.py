#!/usr/bin/env python3
"""Strict input validator for harbourcables: exit 42 if valid, 43 otherwise."""
import re
import sys

INT = re.compile(r'(0|[1-9][0-9]*)\Z')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def ints(line, k, where):
    parts = line.split(' ')
    if len(parts) != k:
        fail(f'{where}: expected {k} tokens, got {len(parts)}')
    for p in parts:
        if not INT.match(p) or len(p) > 11:
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
    n, m, k = ints(lines[0], 3, 'line 1')
    if not (1 <= n <= 30000 and 0 <= m <= 60000 and 0 <= k <= 60000):
        fail('n, m or k out of range')
    if len(lines) != m + 1:
        fail(f'expected {m + 1} lines, got {len(lines)}')
    for j in range(1, m + 1):
        u, v, c, t = ints(lines[j], 4, f'line {j + 1}')
        if not (1 <= u <= n and 1 <= v <= n and u != v):
            fail(f'line {j + 1}: bad endpoints')
        if not 1 <= c <= 10 ** 9:
            fail(f'line {j + 1}: cost out of range')
        if t not in (0, 1):
            fail(f'line {j + 1}: bad type')
    sys.exit(42)


main()
