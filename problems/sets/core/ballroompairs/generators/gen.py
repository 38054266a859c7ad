#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for ballroompairs (deterministic in its arguments).

MODE (default random):
  small     n <= 7, values in [-10, 10]
  random    n = 18, values in [-10^6, 10^6]
  allneg    n = 18, every value negative (all acts are booed)
  allpos    n = 18, every value in [900000, 10^6]
  zeros     n = 18, every value 0
  trios     n = 18, solos and duets weak, a few strong pair clusters favour trios
  nearties  n = 18, values in [-3, 3] (many optimal splits)
  max       n = 18, values in {-10^6, ..., 10^6} with a bias towards the extremes

Secret tests:
  01-one.in       handwritten: n = 1, a = -1000000
  02-two.in       handwritten: n = 2
  03-small.in     python3 gen.py 3 small
  04-small.in     python3 gen.py 4 small
  05-random.in    python3 gen.py 5 random
  06-allneg.in    python3 gen.py 6 allneg
  07-allpos.in    python3 gen.py 7 allpos
  08-zeros.in     python3 gen.py 8 zeros
  09-trios.in     python3 gen.py 9 trios
  10-nearties.in  python3 gen.py 10 nearties
  11-max.in       python3 gen.py 11 max
  12-random.in    python3 gen.py 12 random
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 99991 + sum(map(ord, mode)))
    M = 10 ** 6
    n = rng.randint(1, 7) if mode == 'small' else 18

    def val():
        if mode == 'small':
            return rng.randint(-10, 10)
        if mode == 'allneg':
            return rng.randint(-M, -1)
        if mode == 'allpos':
            return rng.randint(900000, M)
        if mode == 'zeros':
            return 0
        if mode == 'nearties':
            return rng.randint(-3, 3)
        if mode == 'max':
            r = rng.random()
            return M if r < 0.15 else -M if r < 0.3 else rng.randint(-M, M)
        return rng.randint(-M, M)

    a = [val() for _ in range(n)]
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            c[i][j] = c[j][i] = val()
    if mode == 'trios':
        a = [rng.randint(-1000, 1000) for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                c[i][j] = c[j][i] = rng.randint(-5000, 2000)
        perm = list(range(n))
        rng.shuffle(perm)
        for g in range(0, n, 3):
            grp = perm[g:g + 3]
            for x in grp:
                for y in grp:
                    if x < y:
                        c[x][y] = c[y][x] = rng.randint(40000, 60000)
        # a few tempting duets that break the good trios
        for _ in range(6):
            x, y = rng.sample(range(n), 2)
            c[x][y] = c[y][x] = rng.randint(70000, 90000)
    out = [str(n), ' '.join(map(str, a))]
    for i in range(n):
        out.append(' '.join(map(str, c[i])))
    sys.stdout.write('\n'.join(out) + '\n')


main()
