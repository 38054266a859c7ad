#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-one-big-packet.in: python3 gen.py 2 onebig
# 03-impossible.in: python3 gen.py 3 impossible
# 04-small-random.in: python3 gen.py 4 small
# 05-small-random.in: python3 gen.py 5 small
# 06-overshoot-needed.in: python3 gen.py 6 parity
# 07-cheap-giant.in: python3 gen.py 7 giant
# 08-all-equal.in: python3 gen.py 8 equal
# 09-need-everything.in: python3 gen.py 9 everything
# 10-max-random.in: python3 gen.py 10 random
# 11-max-expensive.in: python3 gen.py 11 expensive
# 12-max-wide-yields.in: python3 gen.py 12 wide
# 13-max-ratio-trap.in: python3 gen.py 13 trap
import random
import sys

MAXN, MAXP, MAXC, MAXG = 100, 10**4, 10**9, 10**5


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    if mode == "min":
        P, items = 1, [(1, 1)]
    elif mode == "onebig":
        P, items = MAXP, [(MAXC, MAXG)]
    elif mode == "impossible":
        P = MAXP
        items = [(rnd.randint(1, MAXC), rnd.randint(1, 100)) for _ in range(MAXN)]
    elif mode == "small":
        n = rnd.randint(1, 12)
        P = rnd.randint(1, 60)
        items = [(rnd.randint(1, 50), rnd.randint(1, 15)) for _ in range(n)]
    elif mode == "parity":
        P = MAXP - 1
        items = [(rnd.randint(1, MAXC), 2 * rnd.randint(1, 300)) for _ in range(MAXN)]
    elif mode == "giant":
        P = MAXP
        items = [(rnd.randint(10**6, MAXC), rnd.randint(1, 400)) for _ in range(MAXN - 1)]
        items.append((10**6 * 30, MAXG))
        rnd.shuffle(items)
    elif mode == "equal":
        P = 9999
        items = [(123456789, 101)] * MAXN
    elif mode == "everything":
        P = MAXP
        items = [(MAXC - rnd.randint(0, 10), 100) for _ in range(MAXN)]
    elif mode == "random":
        P = MAXP
        items = [(rnd.randint(1, MAXC), rnd.randint(1, 500)) for _ in range(MAXN)]
    elif mode == "expensive":
        P = MAXP
        items = [(MAXC - rnd.randint(0, 1000), rnd.randint(90, 130)) for _ in range(MAXN)]
    elif mode == "wide":
        P = MAXP
        items = [(rnd.randint(1, MAXC), rnd.randint(1, MAXG)) for _ in range(MAXN)]
    elif mode == "trap":
        # good cost/yield ratio but yields that overshoot badly
        P = MAXP
        items = []
        for _ in range(MAXN):
            g = rnd.randint(1, 3000)
            items.append((g * rnd.randint(90000, 110000), g))
    else:
        raise SystemExit("unknown mode " + mode)
    out = [f"{len(items)} {P}"] + [f"{c} {g}" for c, g in items]
    sys.stdout.write("\n".join(out) + "\n")


main()
