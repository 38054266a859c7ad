import sys
from math import hypot, sqrt


def main():
    data = sys.stdin.buffer.read().split()
    xs, ys, xt, yt = map(int, data[:4])
    n = int(data[4])
    vals = list(map(int, data[5:5 + 2 * n]))
    dx, dy = xt - xs, yt - ys
    len2 = dx * dx + dy * dy
    best = float("inf")
    for i in range(0, 2 * n, 2):
        px, py = vals[i] - xs, vals[i + 1] - ys
        dot = px * dx + py * dy
        if len2 == 0 or dot <= 0:
            d = hypot(px, py)
        elif dot >= len2:
            d = hypot(vals[i] - xt, vals[i + 1] - yt)
        else:
            d = abs(px * dy - py * dx) / sqrt(len2)
        if d < best:
            best = d
    print(f"{best:.9f}")


main()
