#!/usr/bin/env python3
"""Strict input validator for guildbanners: exit 42 if valid, 43 otherwise."""
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
        if not INT.match(p) or len(p) > 7:
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
    n, m = ints(lines[0], 2, 'line 1')
    if not (1 <= n <= 100000 and 0 <= m <= 100000):
        fail('n or m out of range')
    if len(lines) != m + 1:
        fail(f'expected {m + 1} lines, got {len(lines)}')
    for i in range(1, m + 1):
        u, v, t = ints(lines[i], 3, f'line {i + 1}')
        if not (1 <= u <= n and 1 <= v <= n and u != v and t in (0, 1)):
            fail(f'line {i + 1}: bad rule')
    sys.exit(42)


main()
