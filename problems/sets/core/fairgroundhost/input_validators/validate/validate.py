#!/usr/bin/env python3
"""Strict input validator for fairgroundhost: exit 42 if valid, 43 otherwise."""
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
    for x in parts:
        if not INT.match(x) or len(x) > 7:
            fail(f'{where}: bad integer {x!r}')
    return [int(x) for x in parts]


def main():
    try:
        text = sys.stdin.buffer.read().decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    if len(lines) != 4:
        fail(f'expected 4 lines, got {len(lines)}')
    (n,) = ints(lines[0], 1, 'line 1')
    if not 2 <= n <= 100000:
        fail('n out of range')
    c = ints(lines[1], n, 'line 2')
    p = ints(lines[2], n - 1, 'line 3')
    w = ints(lines[3], n - 1, 'line 4')
    if any(x > 1000 for x in c):
        fail('c out of range')
    if any(not 1 <= x <= 1000 for x in w):
        fail('w out of range')
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(2, n + 1):
        q = p[i - 2]
        if not 1 <= q <= n or q == i:
            fail(f'bad p_{i}')
        a, b = find(i), find(q)
        if a == b:
            fail('roads contain a cycle (not a tree)')
        parent[a] = b
    sys.exit(42)


main()
