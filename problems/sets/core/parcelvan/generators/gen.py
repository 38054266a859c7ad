#!/usr/bin/env python3
"""Generator for 'Parcel Van'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 identical   > data/secret/02-identical.in
  python3 generators/gen.py 3 small       > data/secret/03-random-small.in
  python3 generators/gen.py 4 nested      > data/secret/04-nested.in
  python3 generators/gen.py 5 trap        > data/secret/05-long-and-short.in
  python3 generators/gen.py 6 chain       > data/secret/06-touching-chain.in
  python3 generators/gen.py 7 mid         > data/secret/07-random-mid.in
  python3 generators/gen.py 8 extremes    > data/secret/08-extreme-values.in
  python3 generators/gen.py 9 maxshort    > data/secret/09-max-short-windows.in
  python3 generators/gen.py 10 maxpoints  > data/secret/10-max-disjoint.in
  python3 generators/gen.py 11 maxlong    > data/secret/11-max-long-windows.in
"""
import random
import sys

NMAX = 5 * 10**4
VMAX = 10**9


def rand_window(rng, lo, hi, maxlen):
    l = rng.randint(lo, hi)
    r = min(hi, l + rng.randint(0, maxlen))
    return (l, r)


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 2654435761 + sum(map(ord, mode)))
    if mode == "single":
        w = [(VMAX, VMAX)]
    elif mode == "identical":
        w = [(123456, 654321)] * 1000
    elif mode == "small":
        w = [rand_window(rng, 0, 30, 6) for _ in range(12)]
    elif mode == "nested":
        n = 2000
        w = [(i, 2 * n - i) for i in range(n)]
        rng.shuffle(w)
    elif mode == "trap":
        # groups of one long window containing several short disjoint ones
        w = []
        base = 0
        for _ in range(1000):
            w.append((base, base + 100))
            for j in range(rng.randint(1, 4)):
                s = base + 1 + 20 * j
                w.append((s, s + rng.randint(0, 10)))
            base += 200
        rng.shuffle(w)
    elif mode == "chain":
        w = [(5 * i, 5 * i + 5) for i in range(999)]
        rng.shuffle(w)
    elif mode == "mid":
        w = [rand_window(rng, 0, 10**6, 5000) for _ in range(3000)]
    elif mode == "extremes":
        w = [(0, 0), (VMAX, VMAX), (0, VMAX), (VMAX - 1, VMAX), (0, 1), (1, VMAX - 1)]
        w += [rand_window(rng, 0, VMAX, VMAX // 3) for _ in range(200)]
        rng.shuffle(w)
    elif mode == "maxshort":
        w = [rand_window(rng, 0, VMAX, 40000) for _ in range(NMAX)]
    elif mode == "maxpoints":
        xs = rng.sample(range(VMAX + 1), NMAX)
        w = [(x, x) for x in xs]
    elif mode == "maxlong":
        w = [rand_window(rng, 0, VMAX, VMAX // 10) for _ in range(NMAX)]
    else:
        raise SystemExit("unknown mode " + mode)
    out = [str(len(w))] + [f"{l} {r}" for l, r in w]
    sys.stdout.write("\n".join(out) + "\n")


main()
