#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for guildbanners (deterministic in its arguments).

A hidden colouring is drawn and rules are made consistent with it, except in the modes that
plant a contradiction.

MODE (default random):
  small      n <= 8, m <= 10, consistent with probability 1/2
  random     n = 10000, m = 10000, many components, consistent
  forest     n = 15000, m = 20000, rules listed so that groups are coloured separately first
             and joined later (breaks in-order greedy colouring), consistent
  oddcycle   n = 15000, m = 15000, consistent except one far-away rule that closes an odd cycle
  chain      n = 50000, m = 49999, one long chain with its rules listed backwards, consistent
  isolated   n = 100000, m = 0
  multi      n = 1000, m = 15000, many repeated pairs, consistent
  lastcomp   n = 15000, m = 15000, the contradiction lives in a component not containing house 1
  max        n = 100000, m = 100000, random rules, consistent

Secret tests:
  01-one.in        handwritten: n = 1, m = 0
  02-clash.in      handwritten: n = 2, the same pair must be equal and different
  03-small.in      python3 gen.py 3 small
  04-small.in      python3 gen.py 4 small
  05-random.in     python3 gen.py 5 random
  06-forest.in     python3 gen.py 6 forest
  07-oddcycle.in   python3 gen.py 7 oddcycle
  08-chain.in      python3 gen.py 8 chain
  09-isolated.in   python3 gen.py 9 isolated
  10-multi.in      python3 gen.py 10 multi
  11-lastcomp.in   python3 gen.py 11 lastcomp
  12-max.in        python3 gen.py 12 max
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 1234567 + sum(map(ord, mode)))
    sizes = {'small': (rng.randint(2, 8), rng.randint(1, 10)), 'random': (10000, 10000),
             'forest': (15000, 20000), 'oddcycle': (15000, 15000), 'chain': (50000, 49999),
             'isolated': (100000, 0), 'multi': (1000, 15000), 'lastcomp': (15000, 15000),
             'max': (100000, 100000)}
    n, m = sizes[mode]
    colour = [0] + [rng.randint(0, 1) for _ in range(n)]

    def rule(u, v):
        return (u, v, colour[u] ^ colour[v])

    rules = []
    if mode == 'chain':
        perm = list(range(1, n + 1))
        rng.shuffle(perm)
        for i in range(n - 1, 0, -1):
            rules.append(rule(perm[i], perm[i - 1]))
    elif mode == 'forest':
        # first build groups of ~50 houses, each coloured from its own start, then join the groups
        perm = list(range(1, n + 1))
        rng.shuffle(perm)
        groups = [perm[i:i + 50] for i in range(0, n, 50)]
        joins = []
        for g in groups:
            for i in range(1, len(g)):
                rules.append(rule(g[rng.randrange(i)], g[i]))
        while len(rules) + len(joins) < m:
            a, b = rng.sample(range(len(groups)), 2)
            joins.append(rule(rng.choice(groups[a]), rng.choice(groups[b])))
        rules = rules[:m - len(joins)] + joins
    elif mode == 'lastcomp':
        half = n // 2
        # houses 1..half: consistent; houses half+1..n: consistent plus one contradiction
        for _ in range(m - 1):
            if rng.random() < 0.5:
                u, v = rng.sample(range(1, half + 1), 2)
            else:
                u, v = rng.sample(range(half + 1, n + 1), 2)
            rules.append(rule(u, v))
        u, v = rng.sample(range(half + 1, n + 1), 2)
        bad = rule(u, v)
        rules.insert(rng.randrange(len(rules) + 1), (bad[0], bad[1], 1 - bad[2]))
    elif mode == 'oddcycle':
        perm = list(range(1, n + 1))
        rng.shuffle(perm)
        for i in range(1, 10000):
            rules.append(rule(perm[i - 1], perm[i]))
        while len(rules) < m - 1:
            u, v = rng.sample(range(1, n + 1), 2)
            rules.append(rule(u, v))
        bad = rule(perm[0], perm[9999])
        rules.append((bad[0], bad[1], 1 - bad[2]))
        rng.shuffle(rules)
    elif mode == 'multi':
        pairs = [tuple(rng.sample(range(1, n + 1), 2)) for _ in range(3000)]
        for _ in range(m):
            u, v = rng.choice(pairs)
            if rng.random() < 0.5:
                u, v = v, u
            rules.append(rule(u, v))
    else:
        for _ in range(m):
            u, v = rng.sample(range(1, n + 1), 2)
            rules.append(rule(u, v))
        if mode == 'small' and m and rng.random() < 0.5:
            i = rng.randrange(m)
            rules[i] = (rules[i][0], rules[i][1], 1 - rules[i][2])
    out = [f'{n} {m}'] + [f'{u} {v} {t}' for u, v, t in rules]
    sys.stdout.write('\n'.join(out) + '\n')


main()
