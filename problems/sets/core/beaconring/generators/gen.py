#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-all-small.in: python3 gen.py 2 allsmall
# 03-nothing-lit.in: python3 gen.py 3 zero
# 04-single-tower.in: python3 gen.py 4 one
# 05-infeasible.in: python3 gen.py 5 infeasible
# 06-tight-fit.in: python3 gen.py 6 tight
# 07-wide-gaps.in: python3 gen.py 7 widegaps
# 08-random.in: python3 gen.py 8 random
# 09-max-n-equal.in: python3 gen.py 9 equal
# 10-max-random.in: python3 gen.py 10 maxrandom
# 11-max-middle.in: python3 gen.py 11 middle
# 12-max-mixed.in: python3 gen.py 12 mixed
import random
import sys

MAXQ, MAXN = 3 * 10**4, 2 * 10**5


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    Q = []
    if mode == "min":
        Q = [(3, 0, 1)]
    elif mode == "allsmall":
        Q = [(n, k, d) for n in range(3, 10) for d in range(1, n) for k in range(0, n + 1)]
    elif mode == "zero":
        for _ in range(1000):
            n = rnd.randint(3, MAXN)
            Q.append((n, 0, rnd.randint(1, n - 1)))
        Q.append((MAXN, 0, MAXN - 1))
    elif mode == "one":
        for _ in range(1000):
            n = rnd.randint(3, MAXN)
            Q.append((n, 1, rnd.randint(1, n - 1)))
        Q += [(MAXN, 1, MAXN - 1), (3, 1, 2), (MAXN, MAXN, 1), (MAXN, 2, MAXN - 1)]
    elif mode == "infeasible":
        for _ in range(2000):
            n = rnd.randint(3, MAXN)
            d = rnd.randint(1, min(n - 1, 50))
            kmin = n // (d + 1) + 1
            Q.append((n, rnd.randint(kmin, n), d))
    elif mode == "tight":
        for _ in range(2000):
            n = rnd.randint(3, MAXN)
            d = rnd.randint(1, min(n - 1, 100))
            k = n // (d + 1)
            if k > 0 and rnd.random() < 0.5 and n % (d + 1) == 0:
                k = n // (d + 1)
            Q.append((n, k, d))
        Q += [(MAXN, MAXN // 2, 1), (MAXN - 1, MAXN // 2, 1), (199998, 66666, 2)]
    elif mode == "widegaps":
        for _ in range(5000):
            n = rnd.randint(3, MAXN)
            d = rnd.randint(n // 10 + 1, n - 1)
            Q.append((n, rnd.randint(0, max(1, n // (d + 1)) + 1), d))
    elif mode == "random":
        for _ in range(5000):
            n = rnd.randint(3, 5000)
            d = rnd.randint(1, n - 1)
            Q.append((n, rnd.randint(0, n), d))
    elif mode == "equal":
        n = MAXN
        Q = [(n, n // 4, 1)] * MAXQ
    elif mode == "maxrandom":
        for _ in range(MAXQ):
            n = rnd.randint(MAXN - 1000, MAXN)
            d = rnd.randint(1, 5)
            Q.append((n, rnd.randint(0, n // (d + 1)), d))
    elif mode == "middle":
        for _ in range(MAXQ):
            n = rnd.randint(MAXN - 10, MAXN)
            Q.append((n, n // 4 + rnd.randint(-100, 100), 1))
    elif mode == "mixed":
        for _ in range(MAXQ):
            n = rnd.randint(3, MAXN)
            d = rnd.randint(1, min(n - 1, rnd.choice([2, 10, 1000, MAXN])))
            k = rnd.randint(0, n // (d + 1) + 2) if rnd.random() < 0.9 else rnd.randint(0, n)
            Q.append((n, k, d))
    else:
        raise SystemExit("unknown mode " + mode)
    sys.stdout.write(f"{len(Q)}\n" + "".join(f"{n} {k} {d}\n" for n, k, d in Q))


main()
