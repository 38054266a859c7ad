#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for runnerupsum (deterministic in its arguments).

MODE (default random):
  small     n <= 12, values <= 4 (many ties)
  allequal  n = 200000, every height 7
  inc       n = 50000, strictly increasing heights
  dec       n = 50000, non-increasing heights with plateaus
  big       n = 50000, heights in [900000, 1000000]
  few       n = 100000, heights in {1, 2, 3}
  mountain  n = 50000, rises to a plateau of equal peaks and falls again
  max       n = 200000, heights in [1, 99999]

Secret tests:
  01-pair-equal.in  handwritten: n = 2, heights 5 5
  02-pair.in        handwritten: n = 2, heights 1000000 1
  03-small.in       python3 gen.py 3 small
  04-small.in       python3 gen.py 4 small
  05-allequal.in    python3 gen.py 5 allequal
  06-inc.in         python3 gen.py 6 inc
  07-dec.in         python3 gen.py 7 dec
  08-big.in         python3 gen.py 8 big
  09-few.in         python3 gen.py 9 few
  10-mountain.in    python3 gen.py 10 mountain
  11-max.in         python3 gen.py 11 max
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 1009 + sum(map(ord, mode)))
    if mode == 'small':
        n = rng.randint(2, 12)
        a = [rng.randint(1, 4) for _ in range(n)]
    elif mode == 'allequal':
        n = 200000
        a = [7] * n
    elif mode == 'inc':
        n = 50000
        a = []
        cur = rng.randint(1, 10)
        for _ in range(n):
            a.append(cur)
            cur += rng.randint(1, 19)
    elif mode == 'dec':
        n = 50000
        a = []
        cur = 10 ** 6
        for _ in range(n):
            a.append(cur)
            if rng.random() < 0.5:
                cur -= rng.randint(1, 30)
    elif mode == 'big':
        n = 50000
        a = [rng.randint(900000, 10 ** 6) for _ in range(n)]
    elif mode == 'few':
        n = 100000
        a = [rng.randint(1, 3) for _ in range(n)]
    elif mode == 'mountain':
        n = 50000
        up = sorted(rng.randint(1, 999999) for _ in range(20000))
        down = sorted((rng.randint(1, 999999) for _ in range(20000)), reverse=True)
        a = up + [10 ** 6] * (n - 40000) + down
    elif mode == 'max':
        n = 200000
        a = [rng.randint(1, 99999) for _ in range(n)]
    else:
        raise SystemExit('unknown mode')
    print(n)
    print(' '.join(map(str, a)))


main()
