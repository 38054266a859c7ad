#!/usr/bin/env python3
"""Generator for 'Lookout Points'. Prints one JSON argument line: [heights].

Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 pair        > data/secret/02-two-posts.in
  python3 generators/gen.py 3 pairequal   > data/secret/03-two-equal.in
  python3 generators/gen.py 4 increasing  > data/secret/04-increasing.in
  python3 generators/gen.py 5 decreasing  > data/secret/05-decreasing.in
  python3 generators/gen.py 6 flat        > data/secret/06-all-equal.in
  python3 generators/gen.py 7 zigzag      > data/secret/07-zigzag.in
  python3 generators/gen.py 8 smallvals   > data/secret/08-random-ties.in
  python3 generators/gen.py 9 random      > data/secret/09-random.in
  python3 generators/gen.py 10 max        > data/secret/10-max.in
  python3 generators/gen.py 11 maxties    > data/secret/11-max-ties.in
  python3 generators/gen.py 12 valley     > data/secret/12-valley.in
"""
import json
import random
import sys

HMAX = 10**9
NMAX = 10**5


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rng = random.Random(seed * 7919 + sum(map(ord, mode)))
    if mode == "single":
        h = [rng.randint(0, HMAX)]
    elif mode == "pair":
        a = rng.randint(1, HMAX)
        h = [a, a - 1]
    elif mode == "pairequal":
        h = [0, 0]
    elif mode == "increasing":
        h = sorted(rng.sample(range(HMAX + 1), 1000))
    elif mode == "decreasing":
        h = sorted(rng.sample(range(HMAX + 1), 1000), reverse=True)
    elif mode == "flat":
        h = [HMAX] * 5000
    elif mode == "zigzag":
        # every other post is a lookout, including both ends
        h = [HMAX if i % 2 == 0 else 0 for i in range(NMAX - 1)]
    elif mode == "smallvals":
        h = [rng.randint(0, 3) for _ in range(200)]
    elif mode == "random":
        h = [rng.randint(0, HMAX) for _ in range(rng.randint(2, 50))]
    elif mode == "max":
        h = [rng.randint(0, HMAX) for _ in range(NMAX)]
        h[0] = HMAX  # first post is a lookout
    elif mode == "maxties":
        h = [rng.randint(0, 2) for _ in range(NMAX)]
    elif mode == "valley":
        # descending then ascending: only the two ends are lookouts
        half = 500
        h = list(range(half, 0, -1)) + list(range(0, half + 1))
    else:
        raise SystemExit("unknown mode " + mode)
    print(json.dumps([h]))


main()
