#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for fairgroundhost (deterministic in its arguments).

MODE (default random):
  small     n <= 9, c <= 5, w <= 5
  random    n = 100000, random recursive tree, random labels, c, w in [0 / 1, 1000]
  path      n = 100000, a path (depth 10^5) with random labels, c, w in [5, 9] (needs 64-bit)
  medium    n = 12000, random recursive tree
  star      n = 10000, a star with random centre
  broom     n = 12000, long handle plus many bristles
  zeros     n = 10000, every c = 0 (all villages tie, answer village 1)
  ties      n = 12000, two halves holding exactly the same number of families joined by one road;
            the half containing village 1 meets the road at a larger-numbered village
  sparse    n = 12000, most c = 0, a few heavy villages (long paths of tied villages)

Secret tests:
  01-two.in      handwritten: n = 2
  02-small.in    python3 gen.py 2 small
  03-small.in    python3 gen.py 3 small
  04-random.in   python3 gen.py 4 random
  05-path.in     python3 gen.py 5 path
  06-star.in     python3 gen.py 6 star
  07-broom.in    python3 gen.py 7 broom
  08-zeros.in    python3 gen.py 8 zeros
  09-ties.in     python3 gen.py 9 ties
  10-sparse.in   python3 gen.py 10 sparse
  11-medium.in   python3 gen.py 11 medium
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 2718 + sum(map(ord, mode)))
    edges = []  # over vertices 0..n-1
    if mode == 'small':
        n = rng.randint(2, 9)
        for v in range(1, n):
            edges.append((rng.randrange(v), v, rng.randint(1, 5)))
        c = [rng.randint(0, 5) for _ in range(n)]
    elif mode in ('random', 'medium', 'zeros', 'sparse'):
        n = {'random': 100000, 'medium': 12000, 'zeros': 10000, 'sparse': 12000}[mode]
        for v in range(1, n):
            edges.append((rng.randrange(max(0, v - 1000) if rng.random() < 0.5 else 0, v), v, rng.randint(1, 1000)))
        if mode in ('random', 'medium'):
            c = [rng.randint(0, 1000) for _ in range(n)]
        elif mode == 'zeros':
            c = [0] * n
        else:
            c = [0] * n
            for _ in range(7):
                c[rng.randrange(n)] = rng.randint(1, 1000)
    elif mode == 'path':
        n = 100000
        for v in range(1, n):
            edges.append((v - 1, v, rng.randint(5, 9)))
        c = [rng.randint(5, 9) for _ in range(n)]
    elif mode == 'star':
        n = 10000
        for v in range(1, n):
            edges.append((0, v, rng.randint(1, 1000)))
        c = [rng.randint(0, 1000) for _ in range(n)]
    elif mode == 'broom':
        n = 12000
        handle = 6000
        for v in range(1, handle):
            edges.append((v - 1, v, rng.randint(1, 1000)))
        for v in range(handle, n):
            edges.append((handle - 1, v, rng.randint(1, 1000)))
        c = [rng.randint(0, 1000) for _ in range(n)]
    elif mode == 'ties':
        n = 12000
        half = n // 2
        for v in range(1, half):
            edges.append((rng.randrange(max(0, v - 50), v), v, rng.randint(1, 1000)))
        for v in range(half + 1, n):
            edges.append((rng.randrange(max(half, v - 50), v), v, rng.randint(1, 1000)))
        a_end = rng.randrange(half)
        edges.append((a_end, half, rng.randint(1, 1000)))
        c = [rng.randint(0, 1000) for _ in range(n)]
        diff = sum(c[:half]) - sum(c[half:])
        i = 0
        while diff != 0:  # rebalance so both halves hold exactly the same number of families
            if diff > 0:
                t = min(diff, c[i])
                c[i] -= t
                diff -= t
            else:
                t = min(-diff, 1000 - c[i])
                c[i] += t
                diff += t
            i += 1
    else:
        raise SystemExit('unknown mode')
    # random labels 1..n; for 'ties' force the meeting point on village 1's side to get a larger label
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    if mode == 'ties':
        # village 1 on side A (vertices < half); a_end gets label n, half gets label 2
        lab = {}
        rest = list(range(3, n))
        rng.shuffle(rest)
        it = iter(rest)
        for v in range(n):
            if v == a_end:
                lab[v] = n
            elif v == half:
                lab[v] = 2
            elif v == (0 if a_end != 0 else 1):
                lab[v] = 1
            else:
                lab[v] = next(it)
        perm = [lab[v] for v in range(n)]
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        a, b = perm[u], perm[v]
        adj[a].append((b, w))
        adj[b].append((a, w))
    cc = [0] * (n + 1)
    for v in range(n):
        cc[perm[v]] = c[v]
    p = [0] * (n + 1)
    pw = [0] * (n + 1)
    seen = [False] * (n + 1)
    seen[1] = True
    order = [1]
    for x in order:
        for y, w in adj[x]:
            if not seen[y]:
                seen[y] = True
                p[y] = x
                pw[y] = w
                order.append(y)
    assert len(order) == n
    out = [str(n), ' '.join(map(str, cc[1:])), ' '.join(map(str, p[2:])), ' '.join(map(str, pw[2:]))]
    sys.stdout.write('\n'.join(out) + '\n')


main()
