#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-resting-snail.in: python3 gen.py 2 zero
# 03-whole-log.in: python3 gen.py 3 whole
# 04-single-days.in: python3 gen.py 4 single
# 05-small-random.in: python3 gen.py 5 small
# 06-small-random.in: python3 gen.py 6 small
# 07-all-equal.in: python3 gen.py 7 equal
# 08-long-streak.in: python3 gen.py 8 streak
# 09-alternating.in: python3 gen.py 9 alternating
# 10-max-random.in: python3 gen.py 10 random
# 11-max-big-window.in: python3 gen.py 11 bigL
# 12-max-extremes.in: python3 gen.py 12 extremes
import random
import sys

MAXN, MAXV = 5 * 10**4, 10**4


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    if mode == "min":
        n, L, a, b = 1, 1, [7], [3]
    elif mode == "zero":
        n = 1000
        L = 10
        a, b = [0] * n, [rnd.randint(1, MAXV) for _ in range(n)]
    elif mode == "whole":
        n = MAXN
        L = n
        a = [rnd.randint(0, MAXV) for _ in range(n)]
        b = [rnd.randint(1, MAXV) for _ in range(n)]
    elif mode == "single":
        n = MAXN
        L = 1
        a = [rnd.randint(0, MAXV) for _ in range(n)]
        b = [rnd.randint(1, MAXV) for _ in range(n)]
    elif mode == "small":
        n = rnd.randint(2, 10)
        L = rnd.randint(1, n)
        a = [rnd.randint(0, 20) for _ in range(n)]
        b = [rnd.randint(1, 20) for _ in range(n)]
    elif mode == "equal":
        n = 20000
        L = 777
        a, b = [9999] * n, [7] * n
    elif mode == "streak":
        # a fast streak much longer than L hidden among slow days
        n = 30000
        L = 100
        a = [rnd.randint(0, 3000) for _ in range(n)]
        b = [rnd.randint(5000, MAXV) for _ in range(n)]
        s = rnd.randint(1000, 20000)
        for i in range(s, s + 5000):
            a[i] = rnd.randint(6000, MAXV)
            b[i] = rnd.randint(1, 2000)
    elif mode == "alternating":
        n = 30000
        L = 2
        a = [MAXV if i % 2 == 0 else 0 for i in range(n)]
        b = [MAXV if i % 2 == 0 else 1 for i in range(n)]
        a[rnd.randrange(n)] = MAXV - 1
    elif mode == "random":
        n = MAXN
        L = rnd.randint(1, 1000)
        a = [rnd.randint(0, MAXV) for _ in range(n)]
        b = [rnd.randint(1, MAXV) for _ in range(n)]
    elif mode == "bigL":
        n = MAXN
        L = n // 2 + rnd.randint(0, 100)
        a = [rnd.randint(0, MAXV) for _ in range(n)]
        b = [rnd.randint(1, MAXV) for _ in range(n)]
        for i in range(n // 3, n // 3 + 3000):
            a[i] = MAXV
    elif mode == "extremes":
        n = MAXN
        L = 50
        a = [rnd.choice([0, MAXV]) for _ in range(n)]
        b = [rnd.choice([1, MAXV]) for _ in range(n)]
    else:
        raise SystemExit("unknown mode " + mode)
    sys.stdout.write(f"{n} {L}\n{' '.join(map(str, a))}\n{' '.join(map(str, b))}\n")


main()
