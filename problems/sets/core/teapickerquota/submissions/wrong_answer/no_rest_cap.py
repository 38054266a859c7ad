# Wrong: inside the current cycle it counts rem // t baskets without capping at k,
# i.e. it lets a picker keep picking during her rest.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    trip = []
    for i in range(n):
        t, k, r = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
        trip.append((t, k, k * t + r))

    def baskets(T):
        total = 0
        for t, k, c in trip:
            q, rem = divmod(T, c)
            total += q * k + rem // t
        return total

    lo, hi = 0, m * (trip[0][0] + trip[0][2])
    while lo < hi:
        mid = (lo + hi) // 2
        if baskets(mid) >= m:
            hi = mid
        else:
            lo = mid + 1
    print(lo)


main()
