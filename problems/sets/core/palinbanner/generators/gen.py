#!/usr/bin/env python3
"""Generator for 'Palindrome Banner'. Prints one JSON argument line: [tiles].

Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 distinct    > data/secret/02-all-distinct.in
  python3 generators/gen.py 3 sameodd     > data/secret/03-one-letter-odd.in
  python3 generators/gen.py 4 alleven     > data/secret/04-all-even.in
  python3 generators/gen.py 5 lateodd     > data/secret/05-late-small-odd.in
  python3 generators/gen.py 6 small       > data/secret/06-random-small.in
  python3 generators/gen.py 7 fewletters  > data/secret/07-few-letters.in
  python3 generators/gen.py 8 mid         > data/secret/08-random-mid.in
  python3 generators/gen.py 9 max         > data/secret/09-max.in
  python3 generators/gen.py 10 maxsame    > data/secret/10-max-one-letter.in
  python3 generators/gen.py 11 maxodd     > data/secret/11-max-many-odd.in
"""
import json
import random
import string
import sys

NMAX = 10**5


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 31337 + sum(map(ord, mode)))
    letters = string.ascii_lowercase
    if mode == "single":
        s = rng.choice(letters)
    elif mode == "distinct":
        p = list(letters)
        rng.shuffle(p)
        s = "".join(p)
    elif mode == "sameodd":
        s = "k" * 999
    elif mode == "alleven":
        p = [c * (2 * rng.randint(1, 30)) for c in rng.sample(letters, 10)]
        p = list("".join(p))
        rng.shuffle(p)
        s = "".join(p)
    elif mode == "lateodd":
        # the alphabetically smallest odd letter appears last in the box
        s = "zzzyyxxx" + "b" * 4 + "c"
    elif mode == "small":
        s = "".join(rng.choice("abcde") for _ in range(rng.randint(5, 15)))
    elif mode == "fewletters":
        s = "".join(rng.choice("qt") for _ in range(5001))
    elif mode == "mid":
        s = "".join(rng.choice(letters) for _ in range(2000))
    elif mode == "max":
        s = "".join(rng.choice(letters) for _ in range(NMAX))
    elif mode == "maxsame":
        s = "a" * NMAX
    elif mode == "maxodd":
        # letters b..z all have odd counts (3999 or 4001); 'a' appears only at the very end
        counts = {c: 3999 for c in letters[1:]}
        for c in rng.sample(letters[1:], 11):
            counts[c] += 2
        p = list("".join(c * k for c, k in counts.items()))
        rng.shuffle(p)
        s = "".join(p) + "aaa"
        assert len(s) == NMAX
    else:
        raise SystemExit("unknown mode " + mode)
    print(json.dumps([s]))


main()
