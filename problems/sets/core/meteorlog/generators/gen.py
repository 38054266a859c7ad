#!/usr/bin/env python3
"""Generator for 'Meteor Log'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 small       > data/secret/02-random-small.in
  python3 generators/gen.py 3 zeros       > data/secret/03-all-zero.in
  python3 generators/gen.py 4 samenight   > data/secret/04-same-night.in
  python3 generators/gen.py 5 reversed    > data/secret/05-reversed-order.in
  python3 generators/gen.py 6 full        > data/secret/06-whole-log.in
  python3 generators/gen.py 7 mid         > data/secret/07-random-mid.in
  python3 generators/gen.py 8 sparse      > data/secret/08-sparse.in
  python3 generators/gen.py 9 max         > data/secret/09-max.in
  python3 generators/gen.py 10 maxwide    > data/secret/10-max-wide.in
"""
import random
import sys

NMAX = 5 * 10**4
MMAX = 10**6


def rand_query(rng, n):
    a = rng.randint(1, n)
    b = rng.randint(1, n)
    return (a, b)


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 998244353 + sum(map(ord, mode)))
    if mode == "single":
        m = [rng.randint(0, MMAX)]
        qs = [(1, 1)]
    elif mode == "small":
        n = 10
        m = [rng.randint(0, 20) for _ in range(n)]
        qs = [rand_query(rng, n) for _ in range(15)]
    elif mode == "zeros":
        n = 1000
        m = [0] * n
        qs = [rand_query(rng, n) for _ in range(1000)]
    elif mode == "samenight":
        n = 500
        m = [rng.randint(0, MMAX) for _ in range(n)]
        qs = [(i, i) for i in range(1, n + 1)]
        rng.shuffle(qs)
    elif mode == "reversed":
        n = 2000
        m = [rng.randint(0, MMAX) for _ in range(n)]
        qs = []
        for _ in range(2000):
            a, b = rand_query(rng, n)
            qs.append((max(a, b), min(a, b)))
    elif mode == "full":
        n = 5000
        m = [MMAX] * n
        qs = [(1, n), (n, 1), (1, 1), (n, n), (2, n - 1), (n - 1, 2)]
    elif mode == "mid":
        n = 2000
        m = [rng.randint(0, MMAX) for _ in range(n)]
        qs = [rand_query(rng, n) for _ in range(2000)]
    elif mode == "sparse":
        n = 3000
        m = [0] * n
        for i in rng.sample(range(n), 10):
            m[i] = rng.randint(1, MMAX)
        qs = [rand_query(rng, n) for _ in range(3000)]
    elif mode == "max":
        n = NMAX
        m = [rng.randint(0, MMAX) for _ in range(n)]
        qs = [rand_query(rng, n) for _ in range(NMAX)]
    elif mode == "maxwide":
        n = NMAX
        m = [rng.randint(MMAX - 1000, MMAX) for _ in range(n)]
        qs = []
        for _ in range(NMAX):
            a = rng.randint(1, 100)
            b = rng.randint(n - 99, n)
            qs.append((a, b) if rng.random() < 0.5 else (b, a))
    else:
        raise SystemExit("unknown mode " + mode)
    out = [f"{len(m)} {len(qs)}", " ".join(map(str, m))] + [f"{a} {b}" for a, b in qs]
    sys.stdout.write("\n".join(out) + "\n")


main()
