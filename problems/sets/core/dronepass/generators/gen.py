#!/usr/bin/env python3
"""Generator for 'Drone Pass'.

Usage: python3 gen.py SEED [MODE]   (prints one input to stdout; deterministic in its arguments)

Commands used for the secret tests (run from the problem folder):
  python3 generators/gen.py 1 single      > data/secret/01-min.in
  python3 generators/gen.py 2 onpath      > data/secret/02-sensor-on-path.in
  python3 generators/gen.py 3 hover       > data/secret/03-start-equals-end.in
  python3 generators/gen.py 4 beyond      > data/secret/04-beyond-endpoints.in
  python3 generators/gen.py 5 small       > data/secret/05-random-small.in
  python3 generators/gen.py 6 extremes    > data/secret/06-extreme-coordinates.in
  python3 generators/gen.py 7 mid         > data/secret/07-random-mid.in
  python3 generators/gen.py 8 stacked     > data/secret/08-stacked-sensors.in
  python3 generators/gen.py 9 perpendicular > data/secret/09-perpendicular-at-ends.in
  python3 generators/gen.py 10 max        > data/secret/10-max.in
  python3 generators/gen.py 11 maxbeyond  > data/secret/11-max-beyond.in
  python3 generators/gen.py 12 near       > data/secret/12-nearly-touching.in
"""
import random
import sys

C = 10**6
NMAX = 5 * 10**4


def rp(rng, lim=C):
    return (rng.randint(-lim, lim), rng.randint(-lim, lim))


def clamp(v):
    return max(-C, min(C, v))


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "small"
    rng = random.Random(seed * 4099 + sum(map(ord, mode)))
    if mode == "single":
        s = t = rp(rng)
        pts = [rp(rng)]
    elif mode == "onpath":
        s, t = (-300, -200), (600, 400)
        pts = [rp(rng, 1000) for _ in range(50)] + [(300, 200)]
        rng.shuffle(pts)
    elif mode == "hover":
        s = t = (12345, -6789)
        pts = [rp(rng) for _ in range(1000)]
    elif mode == "beyond":
        # sensors lie close to the line through S and T, but past its ends
        s, t = (-1000, -500), (1000, 500)
        pts = []
        for _ in range(200):
            k = rng.randint(2, 400)
            sign = rng.choice((-1, 1))
            pts.append((sign * (1000 + 2 * k) + rng.randint(-1, 1), sign * (500 + k) + rng.randint(-1, 1)))
        pts.append((0, 900))
    elif mode == "small":
        s, t = rp(rng, 10), rp(rng, 10)
        pts = [rp(rng, 10) for _ in range(8)]
    elif mode == "extremes":
        s, t = (-C, -C), (C, C)
        pts = [(C, -C), (-C, C), (C, C - 1), (-C + 1, -C)]
    elif mode == "mid":
        s, t = rp(rng), rp(rng)
        pts = [rp(rng) for _ in range(3000)]
    elif mode == "stacked":
        s, t = (0, 0), (0, 777)
        pts = [(-5, 900)] * 2000
    elif mode == "perpendicular":
        # closest sensors project exactly onto S or T
        s, t = (100, 100), (400, 500)
        pts = [(100 - 4 * 7, 100 + 3 * 7), (400 + 4 * 9, 500 - 3 * 9), (100 - 3 * 20, 100 - 4 * 20)]
    elif mode == "max":
        s, t = rp(rng), rp(rng)
        pts = [rp(rng) for _ in range(NMAX)]
    elif mode == "maxbeyond":
        s, t = (-200000, -100000), (300000, 150000)
        pts = []
        while len(pts) < NMAX:
            k = rng.randint(1, 300000)
            if rng.random() < 0.5:
                p = (300000 + 2 * k, 150000 + k)
            else:
                p = (-200000 - 2 * k, -100000 - k)
            p = (clamp(p[0] + rng.randint(-3, 3)), clamp(p[1] + rng.randint(-3, 3)))
            pts.append(p)
        pts[rng.randrange(NMAX)] = (50000, 50000 + 2000)
    elif mode == "near":
        s, t = (-C, -C + 1), (C, C)
        pts = [rp(rng) for _ in range(1000)] + [(0, 0), (1, 1), (-1, -1)]
        rng.shuffle(pts)
    else:
        raise SystemExit("unknown mode " + mode)
    out = [f"{s[0]} {s[1]} {t[0]} {t[1]}", str(len(pts))] + [f"{x} {y}" for x, y in pts]
    sys.stdout.write("\n".join(out) + "\n")


main()
