#!/usr/bin/env python3
"""Generator for 'Snack Hike'. Prints one JSON argument line: [prices, budget].

Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 singlezero  > data/secret/02-min-free.in
  python3 generators/gen.py 3 none        > data/secret/03-nothing-affordable.in
  python3 generators/gen.py 4 whole       > data/secret/04-whole-path.in
  python3 generators/gen.py 5 exact       > data/secret/05-exact-budget.in
  python3 generators/gen.py 6 small       > data/secret/06-random-small.in
  python3 generators/gen.py 7 mixed       > data/secret/07-free-and-expensive.in
  python3 generators/gen.py 8 mid         > data/secret/08-random-mid.in
  python3 generators/gen.py 9 maxzero     > data/secret/09-max-all-free.in
  python3 generators/gen.py 10 maxlong    > data/secret/10-max-long-run.in
  python3 generators/gen.py 11 max        > data/secret/11-max-random.in
  python3 generators/gen.py 12 maxfull    > data/secret/12-max-full-budget.in
"""
import json
import random
import sys

NMAX = 10**5
PMAX = 10**4


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 65537 + sum(map(ord, mode)))
    if mode == "single":
        prices, budget = [5], 5
    elif mode == "singlezero":
        prices, budget = [0], 0
    elif mode == "none":
        prices = [rng.randint(501, PMAX) for _ in range(1000)]
        budget = 500
    elif mode == "whole":
        prices = [rng.randint(0, 100) for _ in range(1000)]
        budget = sum(prices) + rng.randint(0, 10)
    elif mode == "exact":
        # the unique longest run costs exactly the budget
        prices = [rng.randint(50, 100) for _ in range(300)]
        i = rng.randint(50, 200)
        for k in range(i, i + 40):
            prices[k] = 10
        budget = 400
    elif mode == "small":
        prices = [rng.randint(0, 9) for _ in range(rng.randint(5, 15))]
        budget = rng.randint(0, 20)
    elif mode == "mixed":
        prices = [rng.choice([0, 0, 0, PMAX]) for _ in range(2000)]
        budget = PMAX - 1
    elif mode == "mid":
        prices = [rng.randint(0, PMAX) for _ in range(3000)]
        budget = rng.randint(0, 10**6)
    elif mode == "maxzero":
        prices, budget = [0] * NMAX, 0
    elif mode == "maxlong":
        prices = [rng.randint(0, 100) for _ in range(NMAX)]
        budget = 2500000
    elif mode == "max":
        prices = [rng.randint(0, PMAX) for _ in range(NMAX)]
        budget = rng.randint(10**6, 10**7)
    elif mode == "maxfull":
        prices, budget = [PMAX] * NMAX, 10**9
    else:
        raise SystemExit("unknown mode " + mode)
    print(json.dumps([prices, budget]))


main()
