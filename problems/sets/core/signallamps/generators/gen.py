#!/usr/bin/env python3
"""Generator for 'Signal Lamps'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 exhaustive  > data/secret/02-small-exhaustive.in
  python3 generators/gen.py 3 equal       > data/secret/03-equal-periods.in
  python3 generators/gen.py 4 divisible   > data/secret/04-divisible.in
  python3 generators/gen.py 5 short       > data/secret/05-short-watch.in
  python3 generators/gen.py 6 coprime     > data/secret/06-large-coprime.in
  python3 generators/gen.py 7 shared      > data/secret/07-shared-factors.in
  python3 generators/gen.py 8 maxt        > data/secret/08-longest-watch.in
  python3 generators/gen.py 9 max         > data/secret/09-max.in
  python3 generators/gen.py 10 maxlcm     > data/secret/10-max-large-lcm.in
"""
import random
import sys

QMAX = 2 * 10**4
AMAX = 10**9
TMAX = 10**18
# primes just below 10^9
BIG_PRIMES = [999999937, 999999929, 999999893, 999999883, 999999797, 999999761, 999999757, 999999751]


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "exhaustive"
    rng = random.Random(seed * 1000000007 + sum(map(ord, mode)))
    qs = []
    if mode == "single":
        qs = [(1, 1, 1)]
    elif mode == "exhaustive":
        qs = [(a, b, rng.randint(1, 60)) for a in range(1, 7) for b in range(1, 7)]
    elif mode == "equal":
        for _ in range(50):
            a = rng.randint(1, 1000)
            qs.append((a, a, rng.randint(1, 10**5)))
        qs.append((AMAX, AMAX, TMAX))
    elif mode == "divisible":
        for _ in range(50):
            a = rng.randint(1, 100)
            b = a * rng.randint(1, 100)
            qs.append((a, b, rng.randint(1, 10**5)) if rng.random() < 0.5 else (b, a, rng.randint(1, 10**5)))
        qs.append((1, AMAX, TMAX))
    elif mode == "short":
        for _ in range(100):
            a = rng.randint(2, AMAX)
            b = rng.randint(2, AMAX)
            qs.append((a, b, rng.randint(1, min(a, b) - 1)))
    elif mode == "coprime":
        for i in range(len(BIG_PRIMES)):
            for j in range(len(BIG_PRIMES)):
                if i != j:
                    qs.append((BIG_PRIMES[i], BIG_PRIMES[j], rng.choice([TMAX, rng.randint(1, TMAX)])))
        qs.append((999999999, 999999998, TMAX))
        qs.append((AMAX, AMAX - 1, TMAX))
    elif mode == "shared":
        for _ in range(2000):
            g = rng.randint(1, 10**4)
            x = rng.randint(1, AMAX // g)
            y = rng.randint(1, AMAX // g)
            qs.append((g * x, g * y, rng.randint(1, TMAX)))
    elif mode == "maxt":
        qs = [(1, 1, TMAX), (1, 2, TMAX), (2, 3, TMAX), (AMAX, 1, TMAX), (65536, 131072, TMAX),
              (536870912, 999999999, TMAX)]
    elif mode == "max":
        qs = [(rng.randint(1, AMAX), rng.randint(1, AMAX), rng.randint(1, TMAX)) for _ in range(QMAX)]
    elif mode == "maxlcm":
        while len(qs) < QMAX:
            a = rng.randint(AMAX // 2, AMAX)
            b = rng.randint(AMAX // 2, AMAX)
            qs.append((a, b, rng.randint(TMAX // 2, TMAX)))
    else:
        raise SystemExit("unknown mode " + mode)
    out = [str(len(qs))] + [f"{a} {b} {t}" for a, b, t in qs]
    sys.stdout.write("\n".join(out) + "\n")


main()
