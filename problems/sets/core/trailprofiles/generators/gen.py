#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one JSON argument line for trailprofiles (deterministic in its arguments).

MODE (default random):
  small     n <= 9, H <= 4, a few recorded heights (sometimes contradictory)
  free      n = 2000, nothing recorded, H = 2000 (bound never matters)
  lowcliff  n = 2000, nothing recorded, H = 3 (bound matters all the time)
  midcliff  n = 2000, H = 40, heights recorded every ~100 markers from a valid profile
  dense     n = 2000, H = 2000, about half of the markers recorded from a valid profile
  contra    n = 2000, H = 50, recorded heights taken from a valid profile, then one jump of 2 planted
  flatzero  n = 2000, H = 0 (only level steps: answer 0 for n >= 3)
  max       n = 2000, H = 1000, a few recorded heights from a valid profile reaching high

Secret tests:
  01-min.in       handwritten: [[-1, -1], 0]            (1 profile: 0 0)
  02-start.in     handwritten: [[1, -1, -1], 5]         (recorded start above sea level: 0)
  03-small.in     python3 gen.py 3 small
  04-small.in     python3 gen.py 4 small
  05-free.in      python3 gen.py 5 free
  06-lowcliff.in  python3 gen.py 6 lowcliff
  07-midcliff.in  python3 gen.py 7 midcliff
  08-dense.in     python3 gen.py 8 dense
  09-contra.in    python3 gen.py 9 contra
  10-flatzero.in  python3 gen.py 10 flatzero
  11-max.in       python3 gen.py 11 max
"""
import json
import random
import sys


def valid_profile(rng, n, H, bias=0.0):
    """A random profile obeying all rules (rejection-free walk that is steered back to 0)."""
    while True:
        h = [0]
        last_flat = False
        ok = True
        for i in range(1, n):
            left = n - 1 - i  # steps remaining after this one
            opts = []
            for d in (-1, 0, 1):
                g = h[-1] + d
                if g < 0 or g > H or g > left + 0 or (d == 0 and last_flat):
                    continue
                opts.append(d)
            if not opts:
                ok = False
                break
            if 1 in opts and rng.random() < bias and h[-1] + 1 <= left:
                d = 1
            else:
                d = rng.choice(opts)
            last_flat = d == 0
            h.append(h[-1] + d)
        if ok and h[-1] == 0:
            return h


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 8191 + sum(map(ord, mode)))
    if mode == 'small':
        n = rng.randint(2, 9)
        H = rng.randint(0, 4)
        heights = [-1] * n
        for i in range(n):
            if rng.random() < 0.25:
                heights[i] = rng.randint(0, H)
    elif mode in ('free', 'lowcliff', 'flatzero'):
        n = 2000
        H = {'free': 2000, 'lowcliff': 3, 'flatzero': 0}[mode]
        heights = [-1] * n
    elif mode in ('midcliff', 'dense', 'contra', 'max'):
        n = 2000
        H = {'midcliff': 40, 'dense': 2000, 'contra': 50, 'max': 1000}[mode]
        prof = valid_profile(rng, n, H, bias=0.3 if mode == 'max' else 0.05)
        share = {'midcliff': 0.01, 'dense': 0.5, 'contra': 0.02, 'max': 0.003}[mode]
        heights = [p if rng.random() < share else -1 for p in prof]
        if mode == 'contra':
            # two neighbouring records that differ by 2
            i = rng.randrange(500, 1500)
            while prof[i] < 2:
                i += 1
            heights[i] = prof[i]
            heights[i + 1] = prof[i] - 2
    else:
        raise SystemExit('unknown mode')
    print(json.dumps([heights, H]))


main()
