import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    ts = list(map(int, data[2:2 + 3 * n:3]))
    ks = list(map(int, data[3:3 + 3 * n:3]))
    rs = list(map(int, data[4:4 + 3 * n:3]))
    cyc = [k * t + r for t, k, r in zip(ts, ks, rs)]
    trip = list(zip(ts, ks, cyc))

    def baskets(T):
        total = 0
        for t, k, c in trip:
            q, rem = divmod(T, c)
            b = rem // t
            total += q * k + (b if b < k else k)
        return total

    lo, hi = 0, m * (ts[0] + rs[0])  # picker 0 alone reaches m by then
    while lo < hi:
        mid = (lo + hi) // 2
        if baskets(mid) >= m:
            hi = mid
        else:
            lo = mid + 1
    print(lo)


main()
