#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-corridor.in: python3 gen.py 2 corridor
# 03-column.in: python3 gen.py 3 column
# 04-small-random.in: python3 gen.py 4 small
# 05-diagonal-slits.in: python3 gen.py 5 checker
# 06-walled-in.in: python3 gen.py 6 enclosed
# 07-open-floor.in: python3 gen.py 7 open
# 08-random-sparse.in: python3 gen.py 8 random 25
# 09-random-dense.in: python3 gen.py 9 random 42
# 10-staircase.in: python3 gen.py 10 stairs
# 11-max-serpentine.in: python3 gen.py 11 serpentine
# 12-max-spiral.in: python3 gen.py 12 spiral
# 13-small-random.in: python3 gen.py 13 small
import random
import sys

MAXR = MAXC = 500


def place(rnd, g, R, C, ch):
    while True:
        r, c = rnd.randrange(R), rnd.randrange(C)
        if g[r][c] == '.':
            g[r][c] = ch
            return


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    if mode == "min":
        R, C = 1, 2
        g = [list("SG")]
    elif mode == "corridor":
        R, C = 1, MAXC
        g = [['.'] * C]
        g[0][0], g[0][C - 1] = 'G', 'S'
    elif mode == "column":
        R, C = MAXR, 2
        g = [['.', '#'] if r % 2 == 0 else ['.', '.'] for r in range(R)]
        g[0][0], g[R - 1][1] = 'S', 'G'
    elif mode == "small":
        R, C = rnd.randint(2, 8), rnd.randint(2, 8)
        g = [['.'] * C for _ in range(R)]
        place(rnd, g, R, C, 'S')
        place(rnd, g, R, C, 'G')
        for r in range(R):
            for c in range(C):
                if g[r][c] == '.' and rnd.random() < 0.3:
                    g[r][c] = '#'
    elif mode == "checker":
        # free cells touch each other only diagonally, and every diagonal squeezes between shelves
        R, C = MAXR, MAXC
        g = [['.' if (r + c) % 2 == 0 else '#' for c in range(C)] for r in range(R)]
        g[0][0], g[R - 1][C - 1] = 'S', 'G'
    elif mode == "enclosed":
        R, C = MAXR, MAXC
        g = [['#' if rnd.random() < 0.2 else '.' for _ in range(C)] for _ in range(R)]
        gr, gc = rnd.randint(100, 400), rnd.randint(100, 400)
        for r in range(gr - 3, gr + 4):
            for c in range(gc - 3, gc + 4):
                if max(abs(r - gr), abs(c - gc)) == 3:
                    g[r][c] = '#'
                elif max(abs(r - gr), abs(c - gc)) < 3:
                    g[r][c] = '.'
        # a diagonal slit in the ring that only corner-cutting could pass
        g[gr - 3][gc - 3] = '.'
        g[gr][gc] = 'G'
        g[0][0] = 'S'
    elif mode == "open":
        R, C = MAXR, MAXC
        g = [['.'] * C for _ in range(R)]
        g[rnd.randrange(R)][rnd.randrange(C)] = 'S'
        place(rnd, g, R, C, 'G')
    elif mode == "random":
        p = (int(sys.argv[3]) if len(sys.argv) > 3 else 30) / 100
        R, C = MAXR, MAXC
        g = [['#' if rnd.random() < p else '.' for _ in range(C)] for _ in range(R)]
        g[0][0], g[R - 1][C - 1] = 'S', 'G'
        g[0][1] = g[1][0] = g[R - 1][C - 2] = g[R - 2][C - 1] = '.'
    elif mode == "stairs":
        # diagonal walls with one-cell gaps; corners matter at every gap
        R, C = MAXR, MAXC
        g = [['.'] * C for _ in range(R)]
        for k in range(6, R + C, 6):
            gap = rnd.randint(max(0, k - C + 1), min(R - 1, k))
            for r in range(R):
                c = k - r
                if 0 <= c < C and r != gap:
                    g[r][c] = '#'
        g[0][0], g[R - 1][C - 1] = 'S', 'G'
    elif mode == "serpentine":
        R, C = MAXR, MAXC
        g = [['.'] * C for _ in range(R)]
        for r in range(1, R, 2):
            for c in range(C):
                g[r][c] = '#'
            g[r][C - 1 if (r // 2) % 2 == 0 else 0] = '.'
        g[0][0], g[R - 1][C - 1] = 'S', 'G'
    elif mode == "spiral":
        R, C = MAXR, MAXC
        g = [['#'] * C for _ in range(R)]
        # carve a spiral corridor of width 1 separated by walls of width 1
        top, left, bottom, right = 0, 0, R - 1, C - 1
        r, c = 0, 0
        g[0][0] = '.'
        while top <= bottom and left <= right:
            for c in range(left, right + 1):
                g[top][c] = '.'
            for r in range(top, bottom + 1):
                g[r][right] = '.'
            if bottom - top >= 2:
                for c in range(left, right + 1):
                    g[bottom][c] = '.'
            if right - left >= 2 and bottom - top >= 4:
                for r in range(top + 2, bottom + 1):
                    g[r][left] = '.'
            top, left, bottom, right = top + 2, left + 2, bottom - 2, right - 2
            if top <= bottom and left - 2 >= 0:
                g[top][left - 1] = '.' if top <= bottom else g[top][left - 1]
        g[0][0] = 'S'
        g[R // 2][C // 2 - 1] = 'G'
    else:
        raise SystemExit("unknown mode " + mode)
    sys.stdout.write(f"{R} {C}\n" + "".join(''.join(row) + "\n" for row in g))


main()
