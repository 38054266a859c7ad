#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for alchemistchain (deterministic in its arguments).

MODE (default random):
  single    n = 1, q = 50
  small     n, q <= 10, tiny values
  random    n, q random up to 5000, values anywhere in [0, MOD)
  big       n = q = 4000, values anywhere in [0, MOD)
  zeros     n = q = 4000, many a = 0 (maps that forget their input)
  ones      n = q = 4000, all a = 1 (pure additions), many long queries
  extreme   n = q = 4000, all values in {0, 1, MOD-2, MOD-1}
  queryonly n = q = 4000, no updates
  full      n = 50000, q = 30000, a, b < 1000, every query is "2 1 n x"
  max       n = q = 50000, a, b < 1000, ~half updates, many long queries

Secret tests were generated with:
  01-single.in     python3 gen.py 1 single
  02-small.in      python3 gen.py 2 small
  03-small.in      python3 gen.py 3 small
  04-random.in     python3 gen.py 4 random
  05-big.in        python3 gen.py 5 big
  06-zeros.in      python3 gen.py 6 zeros
  07-ones.in       python3 gen.py 7 ones
  08-extreme.in    python3 gen.py 8 extreme
  09-queryonly.in  python3 gen.py 9 queryonly
  10-full.in       python3 gen.py 10 full
  11-max.in        python3 gen.py 11 max
"""
import random
import sys

MOD = 1_000_000_007


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 7919 + sum(map(ord, mode)))
    if mode == 'single':
        n, q = 1, 50
    elif mode == 'small':
        n, q = rng.randint(1, 10), rng.randint(1, 10)
    elif mode == 'random':
        n, q = rng.randint(1, 5000), rng.randint(1, 5000)
    elif mode == 'full':
        n, q = 50000, 30000
    elif mode == 'max':
        n, q = 50000, 50000
    else:
        n, q = 4000, 4000

    def val():
        if mode == 'small':
            return rng.randint(0, 9)
        if mode == 'extreme':
            return rng.choice([0, 1, MOD - 1, MOD - 2])
        return rng.randint(0, MOD - 1)

    def ab():
        if mode in ('full', 'max'):
            return rng.randint(0, 999), rng.randint(0, 999)
        if mode == 'zeros' and rng.random() < 0.3:
            return 0, val()
        if mode == 'ones':
            return 1, val()
        return val(), val()

    lines = [f'{n} {q}']
    for _ in range(n):
        a, b = ab()
        lines.append(f'{a} {b}')
    upd_share = {'queryonly': 0.0, 'full': 0.0, 'max': 0.5}.get(mode, 0.4)
    for _ in range(q):
        if rng.random() < upd_share:
            a, b = ab()
            lines.append(f'1 {rng.randint(1, n)} {a} {b}')
        else:
            if mode == 'full':
                l, r = 1, n
            elif mode in ('ones', 'max') and rng.random() < 0.6:
                l = rng.randint(1, min(n, 9)); r = rng.randint(max(l, n - 9), n)
            else:
                l = rng.randint(1, n); r = rng.randint(1, n)
                if l > r:
                    l, r = r, l
            x = rng.randint(0, 9) if mode == 'full' else val()
            lines.append(f'2 {l} {r} {x}')
    sys.stdout.write('\n'.join(lines) + '\n')


main()
