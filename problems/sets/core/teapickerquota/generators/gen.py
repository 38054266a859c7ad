#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-one-basket.in: python3 gen.py 2 onebasket
# 03-single-slow.in: python3 gen.py 3 singleslow
# 04-small-random.in: python3 gen.py 4 small
# 05-small-random.in: python3 gen.py 5 small
# 06-all-equal.in: python3 gen.py 6 equal
# 07-long-rests.in: python3 gen.py 7 longrest
# 08-no-rests.in: python3 gen.py 8 norest
# 09-random.in: python3 gen.py 9 random
# 10-max-fast.in: python3 gen.py 10 maxfast
# 11-max-slow.in: python3 gen.py 11 maxslow
# 12-max-random.in: python3 gen.py 12 maxrandom
# 13-max-mixed.in: python3 gen.py 13 maxmixed
import random
import sys

MAXN, MAXM, MAXV = 20000, 10**9, 10**4


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    P = []
    if mode == "min":
        n, m = 1, 1
        P = [(1, 1, 0)]
    elif mode == "onebasket":
        n, m = 1000, 1
        P = [(rnd.randint(50, MAXV), rnd.randint(1, MAXV), rnd.randint(0, MAXV)) for _ in range(n)]
    elif mode == "singleslow":
        n, m = 1, MAXM
        P = [(MAXV, 1, MAXV)]
    elif mode == "small":
        n, m = rnd.randint(1, 6), rnd.randint(1, 60)
        P = [(rnd.randint(1, 6), rnd.randint(1, 4), rnd.randint(0, 8)) for _ in range(n)]
    elif mode == "equal":
        n, m = 5000, rnd.randint(10**8, MAXM)
        P = [(37, 5, 400)] * n
    elif mode == "longrest":
        n, m = 3000, rnd.randint(10**8, MAXM)
        P = [(rnd.randint(1, 20), rnd.randint(1, 3), rnd.randint(9000, MAXV)) for _ in range(n)]
    elif mode == "norest":
        n, m = 3000, rnd.randint(10**8, MAXM)
        P = [(rnd.randint(1, MAXV), rnd.randint(1, MAXV), 0) for _ in range(n)]
    elif mode == "random":
        n, m = rnd.randint(1000, 5000), rnd.randint(1, MAXM)
        P = [(rnd.randint(1, MAXV), rnd.randint(1, MAXV), rnd.randint(0, MAXV)) for _ in range(n)]
    elif mode == "maxfast":
        n, m = MAXN, MAXM
        P = [(1, MAXV, 0)] * n
    elif mode == "maxslow":
        n, m = MAXN, MAXM
        P = [(rnd.randint(9000, MAXV), 1, rnd.randint(9000, MAXV)) for _ in range(n)]
    elif mode == "maxrandom":
        n, m = MAXN, MAXM
        P = [(rnd.randint(1, MAXV), rnd.randint(1, MAXV), rnd.randint(0, MAXV)) for _ in range(n)]
    elif mode == "maxmixed":
        n, m = MAXN, MAXM - rnd.randint(0, 1000)
        P = []
        for _ in range(n):
            kind = rnd.randint(0, 2)
            if kind == 0:
                P.append((rnd.randint(1, 50), rnd.randint(1, 10), rnd.randint(5000, MAXV)))
            elif kind == 1:
                P.append((rnd.randint(5000, MAXV), rnd.randint(1, MAXV), rnd.randint(0, 100)))
            else:
                P.append((rnd.randint(1, MAXV), rnd.randint(1, 100), rnd.randint(0, MAXV)))
    else:
        raise SystemExit("unknown mode " + mode)
    out = [f"{n} {m}"] + [f"{t} {k} {r}" for t, k, r in P]
    sys.stdout.write("\n".join(out) + "\n")


main()
