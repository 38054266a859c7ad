#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-two-way-clash.in: python3 gen.py 2 twocycle
# 03-small-dag.in: python3 gen.py 3 smalldag
# 04-small-cycle.in: python3 gen.py 4 smallcycle
# 05-no-rules.in: python3 gen.py 5 norules
# 06-repeated-rules.in: python3 gen.py 6 repeated
# 07-reverse-chain.in: python3 gen.py 7 chain
# 08-long-hidden-cycle.in: python3 gen.py 8 bigcycle
# 09-wide-layers.in: python3 gen.py 9 layers
# 10-max-random-dag.in: python3 gen.py 10 dag
# 11-max-dag-one-back-rule.in: python3 gen.py 11 backedge
# 12-max-repeated-rules.in: python3 gen.py 12 maxrepeated
import random
import sys

MAXN, MAXM = 5 * 10**4, 5 * 10**4


def dag_edges(rnd, perm, m, span=None):
    n = len(perm)
    E = []
    while len(E) < m:
        i = rnd.randrange(n - 1)
        j = rnd.randint(i + 1, n - 1 if span is None else min(n - 1, i + span))
        E.append((perm[i], perm[j]))
    return E


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "dag"
    rnd = random.Random(seed)
    E = []
    if mode == "min":
        n = 1
    elif mode == "twocycle":
        n, E = 2, [(1, 2), (2, 1)]
    elif mode in ("smalldag", "smallcycle"):
        n = rnd.randint(3, 9)
        perm = list(range(1, n + 1))
        rnd.shuffle(perm)
        E = dag_edges(rnd, perm, rnd.randint(1, 12))
        if mode == "smallcycle":
            E.append((perm[-1], perm[0]))
        E = list(dict.fromkeys(E))
        rnd.shuffle(E)
    elif mode == "norules":
        n = MAXN
    elif mode == "repeated":
        n = 1000
        perm = list(range(1, n + 1))
        rnd.shuffle(perm)
        E = dag_edges(rnd, perm, 2000, span=5)
        E += [rnd.choice(E) for _ in range(1000)]
        rnd.shuffle(E)
    elif mode == "chain":
        n = 20000
        E = [(i + 1, i) for i in range(n - 1, 0, -1)]
    elif mode == "bigcycle":
        n = MAXN
        perm = list(range(1, n + 1))
        rnd.shuffle(perm)
        E = [(perm[i], perm[i + 1]) for i in range(n - 1)]
        E += dag_edges(rnd, perm, MAXM - n)
        E.append((perm[-1], perm[0]))
        rnd.shuffle(E)
        E = E[:MAXM]
        if (perm[-1], perm[0]) not in E:
            E[-1] = (perm[-1], perm[0])
    elif mode == "layers":
        n = 20000
        layers = [list(range(1 + k * 500, 1 + (k + 1) * 500)) for k in range(n // 500)]
        for k in range(len(layers) - 1):
            for v in layers[k + 1]:
                E.append((rnd.choice(layers[k]), v))
        rnd.shuffle(E)
    elif mode in ("dag", "backedge"):
        n = MAXN
        perm = list(range(1, n + 1))
        rnd.shuffle(perm)
        E = dag_edges(rnd, perm, MAXM - 1, span=50)
        if mode == "backedge":
            i = rnd.randint(0, n // 2)
            E.append((perm[i + 40], perm[i]))
            E[rnd.randrange(len(E))] = (perm[i], perm[i + 20])
            E[rnd.randrange(len(E))] = (perm[i + 20], perm[i + 40])
        else:
            E.append((perm[0], perm[-1]))
        rnd.shuffle(E)
    elif mode == "maxrepeated":
        n = 20000
        perm = list(range(1, n + 1))
        rnd.shuffle(perm)
        E = dag_edges(rnd, perm, 30000, span=10)
        E += [rnd.choice(E) for _ in range(MAXM - 30000)]
        rnd.shuffle(E)
    else:
        raise SystemExit("unknown mode " + mode)
    sys.stdout.write(f"{n} {len(E)}\n" + "".join(f"{u} {v}\n" for u, v in E))


main()
