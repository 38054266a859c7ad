# Correct but slow when many centres are hull corners: gift wrapping, O(n * h).
import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0]); r = int(data[1])
    pts = list(set((int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)))
    start = min(pts)
    hull = [start]
    if len(pts) > 1:
        p = start
        while True:
            q = None
            for s in pts:
                if s == p:
                    continue
                if q is None:
                    q = s
                    continue
                cr = (q[0] - p[0]) * (s[1] - p[1]) - (q[1] - p[1]) * (s[0] - p[0])
                if cr < 0 or (cr == 0 and (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2 > (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2):
                    q = s
            if q == start:
                break
            hull.append(q)
            p = q
    per = 0.0
    area2 = 0
    for i in range(len(hull)):
        x1, y1 = hull[i]
        x2, y2 = hull[(i + 1) % len(hull)]
        area2 += x1 * y2 - x2 * y1
        per += math.hypot(x2 - x1, y2 - y1)
    print(f'{per + 2 * math.pi * r:.9f} {abs(area2) / 2 + per * r + math.pi * r * r:.9f}')


main()
