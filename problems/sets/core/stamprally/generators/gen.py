#!/usr/bin/env python3
"""Generator for 'Stamp Rally'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 small       > data/secret/02-random-small.in
  python3 generators/gen.py 3 prefixes    > data/secret/03-prefix-names.in
  python3 generators/gen.py 4 fulltie     > data/secret/04-all-tied.in
  python3 generators/gen.py 5 samestamps  > data/secret/05-same-stamps.in
  python3 generators/gen.py 6 zerostamps  > data/secret/06-zero-stamps.in
  python3 generators/gen.py 7 ties        > data/secret/07-many-ties.in
  python3 generators/gen.py 8 reversed    > data/secret/08-reversed.in
  python3 generators/gen.py 9 mid         > data/secret/09-random-mid.in
  python3 generators/gen.py 10 max        > data/secret/10-max.in
  python3 generators/gen.py 11 maxties    > data/secret/11-max-ties.in
"""
import random
import string
import sys

NMAX = 5 * 10**4


def names(rng, n, maxlen=8):
    seen = set()
    out = []
    while len(out) < n:
        s = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, maxlen)))
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 104729 + sum(map(ord, mode)))
    if mode == "single":
        rows = [("q", 0, 1)]
    elif mode == "small":
        nm = names(rng, 12, 4)
        rows = [(s, rng.randint(0, 3), rng.randint(1, 4)) for s in nm]
    elif mode == "prefixes":
        base = ["m", "ma", "mar", "mark", "marko", "markov", "mb", "a", "ab", "z"]
        rng.shuffle(base)
        rows = [(s, 10, 500) for s in base] + [("mara", 10, 499), ("ma" + "z" * 6, 11, 100000)]
        rng.shuffle(rows)
    elif mode == "fulltie":
        nm = names(rng, 2000)
        rows = [(s, 100, 100000) for s in nm]
    elif mode == "samestamps":
        nm = names(rng, 3000)
        rows = [(s, 42, rng.randint(1, 60)) for s in nm]
    elif mode == "zerostamps":
        nm = names(rng, 500)
        rows = [(s, 0, rng.randint(1, 10**5)) for s in nm]
    elif mode == "ties":
        nm = names(rng, 5000, 3)
        rows = [(s, rng.randint(0, 2), rng.randint(1, 3)) for s in nm]
    elif mode == "reversed":
        nm = names(rng, 1000)
        rows = [(s, rng.randint(0, 100), rng.randint(1, 10**5)) for s in nm]
        # input given from the worst ranked to the best ranked
        rows.sort(key=lambda r: (-r[1], r[2], r[0]))
        rows.reverse()
    elif mode == "mid":
        nm = names(rng, 2000)
        rows = [(s, rng.randint(0, 100), rng.randint(1, 300)) for s in nm]
    elif mode == "max":
        nm = names(rng, NMAX)
        rows = [(s, rng.randint(0, 100), rng.randint(1, 10**5)) for s in nm]
    elif mode == "maxties":
        nm = names(rng, NMAX)
        rows = [(s, rng.randint(0, 3), rng.randint(1, 5)) for s in nm]
    else:
        raise SystemExit("unknown mode " + mode)
    out = [str(len(rows))] + [f"{s} {k} {t}" for s, k, t in rows]
    sys.stdout.write("\n".join(out) + "\n")


main()
