#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-no-roads.in: python3 gen.py 2 noroads
# 03-small-random.in: python3 gen.py 3 small
# 04-small-random.in: python3 gen.py 4 small
# 05-all-zero.in: python3 gen.py 5 zero
# 06-long-chain.in: python3 gen.py 6 chain
# 07-shuffled-chain.in: python3 gen.py 7 shuffledchain
# 08-star-heavy-rests.in: python3 gen.py 8 star
# 09-split-kingdoms.in: python3 gen.py 9 split
# 10-dense-few-oases.in: python3 gen.py 10 dense
# 11-max-random.in: python3 gen.py 11 random
# 12-max-grid.in: python3 gen.py 12 grid
# 13-max-ladder.in: python3 gen.py 13 ladder
import random
import sys

MAXN, MAXM, MAXW = 10**4, 3 * 10**4, 10**9


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    E = []
    if mode == "min":
        n = 1
        rest = [rnd.randint(0, MAXW)]
    elif mode == "noroads":
        n = 7
        rest = [rnd.randint(0, MAXW) for _ in range(n)]
    elif mode == "small":
        n = rnd.randint(2, 8)
        rest = [rnd.randint(0, 20) for _ in range(n)]
        for _ in range(rnd.randint(0, 12)):
            u, v = rnd.sample(range(1, n + 1), 2)
            E.append((u, v, rnd.randint(0, 30)))
    elif mode == "zero":
        n = 2000
        rest = [0] * n
        for v in range(2, n + 1):
            E.append((rnd.randint(1, v - 1), v, 0))
    elif mode in ("chain", "shuffledchain"):
        n = MAXN
        perm = list(range(1, n + 1))
        if mode == "shuffledchain":
            rest_perm = perm[1:]
            rnd.shuffle(rest_perm)
            perm = [1] + rest_perm
        rest = [MAXW - rnd.randint(0, 5) for _ in range(n)]
        for i in range(n - 1):
            E.append((perm[i], perm[i + 1], MAXW - rnd.randint(0, 5)))
        if mode == "shuffledchain":
            rnd.shuffle(E)
        else:
            E.reverse()
    elif mode == "star":
        n = 5000
        rest = [rnd.randint(0, MAXW) for _ in range(n)]
        rest[rnd.randint(1, n - 1)] = 0
        hubs = [1] + rnd.sample(range(2, n + 1), 4)
        for v in range(2, n + 1):
            if v not in hubs:
                E.append((rnd.choice(hubs), v, rnd.randint(0, MAXW)))
        for i in range(1, 5):
            E.append((1, hubs[i], rnd.randint(0, 10)))
    elif mode == "split":
        n = MAXN
        rest = [rnd.randint(0, MAXW) for _ in range(n)]
        side = [rnd.randint(0, 2) for _ in range(n + 1)]
        side[1] = 0
        groups = [[v for v in range(1, n + 1) if side[v] == s] for s in range(3)]
        while len(E) < 12000:
            g = groups[rnd.randint(0, 2)]
            u, v = rnd.sample(g, 2)
            E.append((u, v, rnd.randint(0, MAXW)))
    elif mode == "dense":
        n = 250
        rest = [rnd.randint(0, MAXW) for _ in range(n)]
        for _ in range(12000):
            u, v = rnd.sample(range(1, n + 1), 2)
            E.append((u, v, rnd.randint(0, MAXW)))
    elif mode == "random":
        n = MAXN
        rest = [rnd.randint(0, MAXW) for _ in range(n)]
        for v in range(2, n + 1):
            E.append((rnd.randint(1, v - 1), v, rnd.randint(0, MAXW)))
        while len(E) < MAXM:
            u, v = rnd.sample(range(1, n + 1), 2)
            E.append((u, v, rnd.randint(0, MAXW)))
        rnd.shuffle(E)
    elif mode == "grid":
        W = 100
        n = W * W
        rest = [rnd.randint(0, MAXW // 10) for _ in range(n)]
        for r in range(W):
            for c in range(W):
                v = r * W + c + 1
                if c + 1 < W:
                    E.append((v, v + 1, rnd.randint(MAXW // 2, MAXW)))
                if r + 1 < W:
                    E.append((v, v + W, rnd.randint(MAXW // 2, MAXW)))
        rnd.shuffle(E)
    elif mode == "ladder":
        # two long rails with rungs: many near-equal routes, large totals
        n = MAXN
        half = n // 2
        rest = [rnd.randint(MAXW - 1000, MAXW) for _ in range(n)]
        for i in range(1, half):
            E.append((i, i + 1, rnd.randint(MAXW - 1000, MAXW)))
            E.append((half + i, half + i + 1, rnd.randint(MAXW - 1000, MAXW)))
        for i in range(1, half + 1):
            E.append((i, half + i, rnd.randint(0, MAXW)))
        while len(E) < 2 * 10**4:
            i = rnd.randint(1, half - 1)
            E.append((i, half + i + 1, rnd.randint(MAXW - 2000, MAXW)))
        rnd.shuffle(E)
    else:
        raise SystemExit("unknown mode " + mode)
    out = [f"{n} {len(E)}", " ".join(map(str, rest))]
    out += [f"{u} {v} {w}" for u, v, w in E]
    sys.stdout.write("\n".join(out) + "\n")


main()
