#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# Prints one JSON line: [source, target, gap].
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-both-empty.in: python3 gen.py 1 empty
# 02-empty-source.in: python3 gen.py 2 emptysource
# 03-small-random.in: python3 gen.py 3 small
# 04-small-random.in: python3 gen.py 4 small
# 05-wraparound.in: python3 gen.py 5 wrap
# 06-identical.in: python3 gen.py 6 identical
# 07-stutters.in: python3 gen.py 7 stutter
# 08-gap-one.in: python3 gen.py 8 gapone
# 09-lopsided.in: python3 gen.py 9 lopsided
# 10-max-random.in: python3 gen.py 10 random
# 11-max-wrap-runs.in: python3 gen.py 11 wrapruns
# 12-max-similar.in: python3 gen.py 12 similar
# 13-single-letters.in: python3 gen.py 13 single
import json
import random
import sys

MAXL, MAXGAP = 1000, 100
ABC = "abcdefghijklmnopqrstuvwxyz"


def word(rnd, n, alphabet):
    return "".join(rnd.choice(alphabet) for _ in range(n))


def runs(rnd, n, alphabet, maxrun):
    out = []
    while len(out) < n:
        out.extend(rnd.choice(alphabet) * rnd.randint(1, maxrun))
    return "".join(out[:n])


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    if mode == "empty":
        s, t, gap = "", "", 7
    elif mode == "emptysource":
        s, t, gap = "", "aaabccq", 3
    elif mode == "small":
        s = runs(rnd, rnd.randint(0, 9), "abyz", 3)
        t = runs(rnd, rnd.randint(0, 9), "abyz", 3)
        gap = rnd.randint(1, 8)
    elif mode == "wrap":
        s = word(rnd, 300, "abcwxyz")
        t = word(rnd, 280, "abcwxyz")
        gap = 6
    elif mode == "identical":
        s = word(rnd, MAXL, ABC)
        t, gap = s, MAXGAP
    elif mode == "stutter":
        s = runs(rnd, MAXL, ABC, 12)
        t = runs(rnd, 700, ABC, 12)
        gap = 40
    elif mode == "gapone":
        s, t, gap = word(rnd, MAXL, ABC), word(rnd, MAXL, ABC), 1
    elif mode == "lopsided":
        s, t, gap = word(rnd, MAXL, ABC), "m", MAXGAP
    elif mode == "random":
        s, t, gap = word(rnd, MAXL, ABC), word(rnd, MAXL, ABC), rnd.randint(1, MAXGAP)
    elif mode == "wrapruns":
        s, t, gap = runs(rnd, MAXL, "yzab", 5), runs(rnd, MAXL, "xyzabc", 5), 9
    elif mode == "similar":
        s = runs(rnd, MAXL, ABC, 4)
        t = list(s)
        for _ in range(150):
            i = rnd.randrange(len(t))
            op = rnd.randint(0, 2)
            if op == 0:
                t[i] = rnd.choice(ABC)
            elif op == 1 and len(t) > 1:
                del t[i]
            elif len(t) < MAXL:
                t.insert(i, t[i])
        t, gap = "".join(t), 13
    elif mode == "single":
        s, t, gap = "a", "z", MAXGAP
    else:
        raise SystemExit("unknown mode " + mode)
    print(json.dumps([s, t, gap]))


main()
