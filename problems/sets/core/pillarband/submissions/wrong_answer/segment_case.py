# Plausible mistake: when the hull has fewer than three corners (all centres on one line)
# the perimeter is taken as the segment length once instead of going there and back.
import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0]); r = int(data[1])
    pts = sorted(set((int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

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
    hull = lower[:-1] + upper[:-1] if len(pts) > 1 else pts
    if len(hull) < 3:
        per = math.dist(pts[0], pts[-1])
        area2 = 0
    else:
        per = 0.0
        area2 = 0
        for i in range(len(hull)):
            x1, y1 = hull[i]
            x2, y2 = hull[(i + 1) % len(hull)]
            area2 += x1 * y2 - x2 * y1
            per += math.hypot(x2 - x1, y2 - y1)
    print(f'{per + 2 * math.pi * r:.9f} {abs(area2) / 2 + per * r + math.pi * r * r:.9f}')


main()
