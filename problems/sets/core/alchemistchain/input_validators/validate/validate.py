#!/usr/bin/env python3
"""Strict input validator for alchemistchain: exit 42 if valid, 43 otherwise."""
import re
import sys

MOD = 1_000_000_007
INT = re.compile(r'(0|[1-9][0-9]*)\Z')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def ints(line, k, what):
    parts = line.split(' ')
    if len(parts) != k:
        fail(f'{what}: expected {k} tokens, got {len(parts)}')
    for p in parts:
        if not INT.match(p) or len(p) > 12:
            fail(f'{what}: bad integer {p!r}')
    return [int(p) for p in parts]


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    n, q = ints(lines[0], 2, 'line 1')
    if not (1 <= n <= 50000 and 1 <= q <= 50000):
        fail('n or q out of range')
    if len(lines) != 1 + n + q:
        fail(f'expected {1 + n + q} lines, got {len(lines)}')
    for i in range(1, n + 1):
        a, b = ints(lines[i], 2, f'line {i + 1}')
        if not (a < MOD and b < MOD):
            fail(f'line {i + 1}: recipe out of range')
    for j in range(n + 1, n + 1 + q):
        parts = lines[j].split(' ')
        if parts[0] == '1':
            _, i, a, b = ints(lines[j], 4, f'line {j + 1}')
            if not (1 <= i <= n and a < MOD and b < MOD):
                fail(f'line {j + 1}: bad update')
        elif parts[0] == '2':
            _, l, r, x = ints(lines[j], 4, f'line {j + 1}')
            if not (1 <= l <= r <= n and x < MOD):
                fail(f'line {j + 1}: bad query')
        else:
            fail(f'line {j + 1}: unknown request type')
    sys.exit(42)


main()
