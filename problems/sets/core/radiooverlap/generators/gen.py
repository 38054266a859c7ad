#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# Prints one JSON line: [broadcasts, k].
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-small-random.in: python3 gen.py 2 small
# 03-small-random.in: python3 gen.py 3 small
# 04-all-identical.in: python3 gen.py 4 identical
# 05-never-crowded.in: python3 gen.py 5 disjoint
# 06-relay-chain.in: python3 gen.py 6 relay
# 07-double-relay.in: python3 gen.py 7 doublerelay
# 08-nested.in: python3 gen.py 8 nested
# 09-union-k1.in: python3 gen.py 9 union
# 10-max-random.in: python3 gen.py 10 random 17 1000000000 1000000
# 11-max-dense-coords.in: python3 gen.py 11 dense
# 12-everyone.in: python3 gen.py 12 everyone
# 13-max-random-high-k.in: python3 gen.py 13 random 70 10000000 40000
import json
import random
import sys

MAXN, MAXX = 3 * 10**4, 10**9


def seg(rnd, lo, hi, maxlen):
    s = rnd.randint(lo, hi - 1)
    return [s, rnd.randint(s + 1, min(hi, s + maxlen))]


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    if mode == "min":
        B, k = [[0, 1]], 1
    elif mode == "small":
        n = rnd.randint(1, 10)
        B = [seg(rnd, 0, 15, 8) for _ in range(n)]
        k = rnd.randint(1, min(n, 3))
    elif mode == "identical":
        B, k = [[5, MAXX]] * 1000, 1000
    elif mode == "disjoint":
        B = [[10 * i, 10 * i + rnd.randint(1, 10)] for i in range(5000)]
        rnd.shuffle(B)
        k = 2
    elif mode == "relay":
        B = [[10 * i, 10 * (i + 1)] for i in range(MAXN)]
        rnd.shuffle(B)
        B[rnd.randrange(MAXN)] = [1, 2]
        k = 1
    elif mode == "doublerelay":
        # every moment of [0, 3n) is covered by exactly two broadcasts that hand over at
        # different moments, plus a few gaps
        B = []
        for i in range(MAXN // 2):
            B.append([2 * i, 2 * i + 2])
            B.append([2 * i + 1, 2 * i + 3])
        gaps = set(rnd.sample(range(MAXN // 2), 30))
        B = [b for i, b in enumerate(B) if i // 2 not in gaps]
        rnd.shuffle(B)
        k = 2
    elif mode == "nested":
        n = 10000
        B = [[i * 3, MAXX - i * 7] for i in range(n)]
        rnd.shuffle(B)
        k = 5000
    elif mode == "union":
        B = [seg(rnd, 0, MAXX, 150000) for _ in range(8000)]
        k = 1
    elif mode == "random":
        k, span, maxlen = (list(map(int, sys.argv[3:6])) + [17, 10**9, 10**6][len(sys.argv[3:6]):])[:3]
        B = [seg(rnd, 0, span, maxlen) for _ in range(MAXN)]
    elif mode == "dense":
        B = [seg(rnd, 0, 2000, 60) for _ in range(MAXN)]
        k = 460
    elif mode == "everyone":
        B = [[rnd.randint(0, 1000), rnd.randint(MAXX - 1000, MAXX)] for _ in range(15000)]
        k = 15000
    else:
        raise SystemExit("unknown mode " + mode)
    print(json.dumps([B, k]))


main()
