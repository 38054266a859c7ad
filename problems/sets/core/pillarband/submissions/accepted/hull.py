import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0]); r = int(data[1])
    pts = sorted(set((int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    if len(pts) == 1:
        hull = pts
    else:
        lower = []
        for p in pts:
            while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
                lower.pop()
            lower.append(p)
        upper = []
        for p in reversed(pts):
            while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
                upper.pop()
            upper.append(p)
        hull = lower[:-1] + upper[:-1]
    # hull area (twice, exact) and perimeter of the centres; for two distinct points the
    # "polygon" is a doubled segment, which gives perimeter 2*length and area 0 as needed
    area2 = 0
    per = 0.0
    h = len(hull)
    for i in range(h):
        x1, y1 = hull[i]
        x2, y2 = hull[(i + 1) % h]
        area2 += x1 * y2 - x2 * y1
        per += math.hypot(x2 - x1, y2 - y1)
    # the rope encloses the hull grown by r (Minkowski sum with a disc)
    length = per + 2 * math.pi * r
    area = abs(area2) / 2 + per * r + math.pi * r * r
    print(f'{length:.9f} {area:.9f}')


main()
