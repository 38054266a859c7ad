#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for relabelvolumes (deterministic in its arguments).

MODE (default random):
  small    n <= 10, values <= 15
  random   n = 20000, a_i = i + noise (noise may be negative; a_i >= 1)
  allones  n = 200000, every a_i = 1
  sorted   n = 30000, already strictly increasing
  desc     n = 30000, strictly decreasing
  trap     n = 30000, long runs with a_i < i (a_i - i constant) mixed with a few valid ledgers
  steps    n = 30000, runs of consecutive numbers (equal a_i - i) plus noise
  wide     n = 30000, values uniform in [1, 10^9]
  max      n = 200000, a_i - i follows a noisy random walk, values < 10^6

Secret tests:
  01-min.in       handwritten: n = 1, a = 1
  02-min-big.in   handwritten: n = 1, a = 1000000000
  03-small.in     python3 gen.py 3 small
  04-small.in     python3 gen.py 4 small
  05-allones.in   python3 gen.py 5 allones
  06-sorted.in    python3 gen.py 6 sorted
  07-desc.in      python3 gen.py 7 desc
  08-trap.in      python3 gen.py 8 trap
  09-steps.in     python3 gen.py 9 steps
  10-wide.in      python3 gen.py 10 wide
  11-random.in    python3 gen.py 11 random
  12-max.in       python3 gen.py 12 max
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 1000003 + sum(map(ord, mode)))
    if mode == 'small':
        n = rng.randint(1, 10)
        a = [rng.randint(1, 15) for _ in range(n)]
    elif mode == 'random':
        n = 20000
        a = [max(1, i + rng.randint(-3000, 3000)) for i in range(1, n + 1)]
    elif mode == 'allones':
        n = 200000
        a = [1] * n
    elif mode == 'sorted':
        n = 30000
        a = []
        cur = rng.randint(1, 5)
        for _ in range(n):
            a.append(cur)
            cur += rng.randint(1, 4)
    elif mode == 'desc':
        n = 30000
        a = [100000 - 2 * i for i in range(n)]
    elif mode == 'trap':
        n = 30000
        a = []
        i = 1
        while len(a) < n:
            if rng.random() < 0.02:
                a.append(i + rng.randint(0, 30))   # a genuinely usable ledger
            else:
                a.append(max(1, i - 5000))         # too small: a_i < i, run of equal a_i - i
            i += 1
    elif mode == 'steps':
        n = 30000
        a = []
        off = 10
        while len(a) < n:
            L = rng.randint(1, 40)
            for _ in range(L):
                if len(a) < n:
                    if rng.random() < 0.3:
                        a.append(max(1, len(a) + 1 + rng.randint(-20, 60)))
                    else:
                        a.append(len(a) + 1 + off)
            off += rng.randint(-3, 4)
            off = max(off, 0)
    elif mode == 'wide':
        n = 30000
        a = [rng.randint(1, 10 ** 9) for _ in range(n)]
    elif mode == 'max':
        n = 200000
        a = []
        walk = 0
        for i in range(1, n + 1):
            walk += rng.randint(-3, 4)
            walk = max(-200000, min(walk, 700000))
            if rng.random() < 0.5:
                v = i + walk
            else:
                v = i + walk + rng.randint(-100000, 100000)
            a.append(min(999999, max(1, v)))
    else:
        raise SystemExit('unknown mode')
    print(n)
    print(' '.join(map(str, a)))


main()
