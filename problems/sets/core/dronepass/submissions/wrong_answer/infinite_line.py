# Wrong: measures the distance to the whole line through S and T instead of
# the segment, so sensors "beyond" the endpoints look too close.
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
        if len2 == 0:
            d = hypot(px, py)
        else:
            d = abs(px * dy - py * dx) / sqrt(len2)
        best = min(best, d)
    print(f"{best:.9f}")


main()
