# Correct but exponential: tries every subset of packets.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, P = int(data[0]), int(data[1])
    items = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)]
    best = -1

    def go(i, cost, got):
        nonlocal best
        if i == n:
            if got >= P and (best < 0 or cost < best):
                best = cost
            return
        go(i + 1, cost, got)
        c, g = items[i]
        go(i + 1, cost + c, got + g)

    go(0, 0, 0)
    print(best)


main()
