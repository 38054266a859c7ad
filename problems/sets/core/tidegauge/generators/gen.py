#!/usr/bin/env python3
"""Generator for 'Tide Gauge'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 singleneg   > data/secret/02-single-negative.in
  python3 generators/gen.py 3 allneg      > data/secret/03-all-negative.in
  python3 generators/gen.py 4 equal       > data/secret/04-all-equal.in
  python3 generators/gen.py 5 small       > data/secret/05-random-small.in
  python3 generators/gen.py 6 mid         > data/secret/06-random-mid.in
  python3 generators/gen.py 7 extremes    > data/secret/07-extremes.in
  python3 generators/gen.py 8 positive    > data/secret/08-all-positive.in
  python3 generators/gen.py 9 zeros       > data/secret/09-zeros.in
  python3 generators/gen.py 10 max        > data/secret/10-max.in
  python3 generators/gen.py 11 negmid     > data/secret/11-negative-mid.in
"""
import random
import sys

LIM = 10**9
NMAX = 10**5


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 1000003 + sum(map(ord, mode)))
    if mode == "single":
        h = [rng.randint(-LIM, LIM)]
    elif mode == "singleneg":
        h = [-LIM]
    elif mode == "allneg":
        h = [rng.randint(-LIM, -1) for _ in range(20000)]
    elif mode == "negmid":
        # all below the datum, but close to it
        h = [rng.randint(-50, -1) for _ in range(5000)]
    elif mode == "equal":
        h = [7] * NMAX
    elif mode == "small":
        h = [rng.randint(-20, 20) for _ in range(rng.randint(2, 10))]
    elif mode == "mid":
        h = [rng.randint(-LIM, LIM) for _ in range(1000)]
    elif mode == "extremes":
        n = 50000
        h = [rng.randint(-LIM, LIM) for _ in range(n)]
        h[rng.randrange(n)] = LIM
        h[rng.randrange(n)] = -LIM
    elif mode == "positive":
        h = [rng.randint(1, LIM) for _ in range(30000)]
    elif mode == "zeros":
        h = [0] * 1000
    elif mode == "max":
        h = [rng.randint(-LIM, LIM) for _ in range(NMAX)]
        i, j = rng.sample(range(NMAX), 2)
        h[i] = LIM
        h[j] = -LIM
    else:
        raise SystemExit("unknown mode " + mode)
    print(len(h))
    print(" ".join(map(str, h)))


main()
