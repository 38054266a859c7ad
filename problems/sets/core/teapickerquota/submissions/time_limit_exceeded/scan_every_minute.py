# Correct but naive: tries every minute T = 0, 1, 2, ... until the quota is met.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    trip = []
    for i in range(n):
        t, k, r = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
        trip.append((t, k, k * t + r))
    T = 0
    while True:
        total = 0
        for t, k, c in trip:
            q, rem = divmod(T, c)
            total += q * k + min(k, rem // t)
        if total >= m:
            print(T)
            return
        T += 1


main()
