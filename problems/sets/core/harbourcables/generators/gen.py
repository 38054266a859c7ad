#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for harbourcables (deterministic in its arguments).

MODE (default random):
  small     n <= 8, m <= 12, costs <= 20, ~30% charters
  random    n = 3000, m = 6000, random graph (spanning tree hidden inside), ~5% charters
  cycles    n = 5000, m = 12000, 40% charters (many charter cycles, parallel charters), k = 300
  kzero     n = 10000, m = 20000, connected, k = 0
  khuge     n = 5000, m = 10000, connected, k = 60000 (everything can be free)
  tree      n = 30000, m = 29999, random tree, costs near 10^9 (sum needs 64 bits)
  disc      n = 30000, m = 30000, two halves never joined (answer -1)
  multi     n = 50, m = 20000, many parallel routes, k = 20
  max       n = 30000, m = 60000, costs up to 10^9, ~2% charters, k = 5000

Secret tests:
  01-single.in   handwritten: n = 1, m = 0, k = 0      (answer 0)
  02-pair.in     handwritten: n = 2, m = 0, k = 3      (answer -1)
  03-small.in    python3 gen.py 14 small
  04-small.in    python3 gen.py 23 small
  05-random.in   python3 gen.py 5 random
  06-cycles.in   python3 gen.py 6 cycles
  07-kzero.in    python3 gen.py 7 kzero
  08-khuge.in    python3 gen.py 8 khuge
  09-tree.in     python3 gen.py 9 tree
  10-disc.in     python3 gen.py 10 disc
  11-multi.in    python3 gen.py 11 multi
  12-max.in      python3 gen.py 12 max
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 31337 + sum(map(ord, mode)))
    P = {  # n, m, k, charter share, max cost, connected-by-tree
        'small': (rng.randint(2, 8), rng.randint(0, 12), rng.randint(0, 4), 0.3, 20, rng.random() < 0.7),
        'random': (3000, 6000, rng.randint(1, 100), 0.05, 10 ** 9, True),
        'cycles': (5000, 12000, 300, 0.4, 10 ** 6, True),
        'kzero': (10000, 20000, 0, 0.05, 999, True),
        'khuge': (5000, 10000, 60000, 0.1, 10 ** 9, True),
        'tree': (30000, 29999, 7, 0.1, 10 ** 9, True),
        'disc': (30000, 30000, 100, 0.05, 999, False),
        'multi': (50, 20000, 20, 0.05, 10 ** 4, True),
        'max': (30000, 60000, 5000, 0.02, 10 ** 9, True),
    }
    n, m, k, share, cmax, connected = P[mode]
    lo = cmax - 1000 if mode == 'tree' else 1
    edges = []
    if mode == 'disc':
        half = n // 2
        for v in range(2, n + 1):
            if v == half + 1:
                continue
            base = 1 if v <= half else half + 1
            edges.append((rng.randint(base, v - 1), v))
        while len(edges) < m:
            if rng.random() < 0.5:
                u, v = rng.randint(1, half), rng.randint(1, half)
            else:
                u, v = rng.randint(half + 1, n), rng.randint(half + 1, n)
            if u != v:
                edges.append((u, v))
    else:
        if connected and m >= n - 1:
            perm = list(range(1, n + 1))
            rng.shuffle(perm)
            for i in range(1, n):
                edges.append((perm[rng.randint(max(0, i - 50), i - 1)], perm[i]))
        while len(edges) < m:
            u, v = rng.randint(1, n), rng.randint(1, n)
            if u != v:
                edges.append((u, v))
    rng.shuffle(edges)
    out = [f'{n} {m} {k}']
    for u, v in edges:
        if rng.random() < 0.5:
            u, v = v, u
        out.append(f'{u} {v} {rng.randint(lo, cmax)} {1 if rng.random() < share else 0}')
    sys.stdout.write('\n'.join(out) + '\n')


main()
