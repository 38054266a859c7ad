#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for pillarband (deterministic in its arguments).

MODE (default random):
  small     n <= 8, coordinates in [-5, 5], r <= 3 (collinear sets and duplicates are likely)
  random    n = 20000, uniform in the full square, random r
  line      n = 30000, all centres on one line (many duplicates), big coordinates
  same      n = 30000, all centres at the same point
  circle    n = 50000, centres rounded from a circle of radius 10^6 (almost all are hull corners)
  bigr      n = 1000, coordinates in [-10, 10], r = 10^6
  tinyr     n = 20000, full square, r = 1
  max       n = 50000, half on a big circle, half inside, r = 10^6

Secret tests:
  01-single.in   handwritten: n = 1
  02-two.in      handwritten: n = 2, opposite corners of the square, r = 10^6
  03-small.in    python3 gen.py 3 small
  04-small.in    python3 gen.py 4 small
  05-random.in   python3 gen.py 5 random
  06-line.in     python3 gen.py 6 line
  07-same.in     python3 gen.py 7 same
  08-circle.in   python3 gen.py 8 circle
  09-bigr.in     python3 gen.py 9 bigr
  10-tinyr.in    python3 gen.py 10 tinyr
  11-max.in      python3 gen.py 11 max
"""
import math
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 65537 + sum(map(ord, mode)))
    M = 10 ** 6

    def on_circle(R):
        t = rng.random() * 2 * math.pi
        return (max(-M, min(M, round(R * math.cos(t)))), max(-M, min(M, round(R * math.sin(t)))))

    if mode == 'small':
        n = rng.randint(1, 8)
        r = rng.randint(1, 3)
        if rng.random() < 0.3:
            dx, dy = rng.randint(-2, 2), rng.randint(-2, 2)
            pts = []
            for _ in range(n):
                t = rng.randint(-2, 2)
                pts.append((dx * t, dy * t))
        else:
            pts = [(rng.randint(-5, 5), rng.randint(-5, 5)) for _ in range(n)]
    elif mode == 'random':
        n = 20000
        r = rng.randint(1, M)
        pts = [(rng.randint(-M, M), rng.randint(-M, M)) for _ in range(n)]
    elif mode == 'line':
        n = 30000
        r = rng.randint(1, M)
        # direction (3, -7): t in [-142857, 142857] keeps both coordinates inside the square
        pts = []
        for _ in range(n):
            t = rng.randint(-1000, 1000) * 142
            pts.append((3 * t + 5, -7 * t - 9))
    elif mode == 'same':
        n = 30000
        r = rng.randint(1, M)
        x, y = rng.randint(-M, M), rng.randint(-M, M)
        pts = [(x, y)] * n
    elif mode == 'circle':
        n = 50000
        r = rng.randint(1, M)
        pts = [on_circle(M) for _ in range(n)]
    elif mode == 'bigr':
        n = 1000
        r = M
        pts = [(rng.randint(-10, 10), rng.randint(-10, 10)) for _ in range(n)]
    elif mode == 'tinyr':
        n = 20000
        r = 1
        pts = [(rng.randint(-M, M), rng.randint(-M, M)) for _ in range(n)]
    elif mode == 'max':
        n = 50000
        r = M
        pts = [on_circle(M) for _ in range(n // 2)]
        while len(pts) < n:
            x, y = rng.randint(-M, M), rng.randint(-M, M)
            if x * x + y * y < M * M:
                pts.append((x, y))
        rng.shuffle(pts)
    else:
        raise SystemExit('unknown mode')
    out = [f'{n} {r}'] + [f'{x} {y}' for x, y in pts]
    sys.stdout.write('\n'.join(out) + '\n')


main()
