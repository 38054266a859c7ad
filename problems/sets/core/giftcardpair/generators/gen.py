#!/usr/bin/env python3
"""Generator for 'Gift Card Pair'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 minpair     > data/secret/01-min.in
  python3 generators/gen.py 2 minnone     > data/secret/02-min-impossible.in
  python3 generators/gen.py 3 halfonce    > data/secret/03-half-price-once.in
  python3 generators/gen.py 4 allhalf     > data/secret/04-all-half-price.in
  python3 generators/gen.py 5 small       > data/secret/05-random-small.in
  python3 generators/gen.py 6 smallnone   > data/secret/06-random-small-impossible.in
  python3 generators/gen.py 7 tiny        > data/secret/07-smallest-card.in
  python3 generators/gen.py 8 toolow      > data/secret/08-card-too-small.in
  python3 generators/gen.py 9 halftrap    > data/secret/09-half-price-then-pair.in
  python3 generators/gen.py 10 maxnone    > data/secret/10-max-impossible.in
  python3 generators/gen.py 11 maxlate    > data/secret/11-max-pair-at-end.in
  python3 generators/gen.py 12 maxmany    > data/secret/12-max-many-pairs.in
"""
import random
import sys

NMAX = 10**5
PMAX = 10**9


def has_pair(p, V):
    seen = set()
    for x in p:
        if V - x in seen:
            return True
        seen.add(x)
    return False


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 19260817 + sum(map(ord, mode)))
    if mode == "minpair":
        V, p = 2 * PMAX, [PMAX, PMAX]
    elif mode == "minnone":
        V, p = 2, [1, 2]
    elif mode == "halfonce":
        # exactly one item costs V/2 and nothing else pairs up
        V = 1000
        p = [rng.randint(501, 999) for _ in range(300)] + [500]
        rng.shuffle(p)
    elif mode == "allhalf":
        V, p = 2 * 777777, [777777] * 1000
    elif mode == "small":
        V = rng.randint(10, 30)
        while True:
            p = [rng.randint(1, 20) for _ in range(8)]
            if has_pair(p, V):
                break
    elif mode == "smallnone":
        V = 22
        while True:
            p = [rng.randint(1, 21) for _ in range(8)]
            if not has_pair(p, V) and 11 in p:
                break
    elif mode == "tiny":
        V, p = 2, [1] * 50
    elif mode == "toolow":
        V, p = 100, [rng.randint(100, PMAX) for _ in range(5000)]
    elif mode == "halftrap":
        # the half-price item comes first; the only real pair (1, V - 1) is at the end.
        # Fillers lie strictly between V/2 and V - 1, so no two of them (nor a filler and
        # either end of the pair) add up to V.
        V = 2 * 10**6
        p = [10**6] + [rng.randint(10**6 + 1, V - 2) for _ in range(9997)] + [1, V - 1]
    elif mode == "maxnone":
        # V odd, all prices odd: no two prices can add up to V
        V = 2 * PMAX - 1
        p = [rng.randrange(1, PMAX, 2) for _ in range(NMAX)]
    elif mode == "maxlate":
        # all prices at most 4*10^8 except the last two, which form the only pair
        V = 1999999999
        p = [rng.randint(1, 4 * 10**8) for _ in range(NMAX - 2)] + [999999999, 1000000000]
    elif mode == "maxmany":
        V = 10**5
        p = [rng.randint(1, 10**5) for _ in range(NMAX)]
    else:
        raise SystemExit("unknown mode " + mode)
    print(len(p), V)
    print(" ".join(map(str, p)))


main()
