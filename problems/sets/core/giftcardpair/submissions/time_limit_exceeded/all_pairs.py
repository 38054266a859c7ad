# Correct but naive: tries every pair of items, O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, V = int(data[0]), int(data[1])
    p = [int(x) for x in data[2:2 + n]]
    for i in range(n):
        pi = p[i]
        for j in range(i + 1, n):
            if pi + p[j] == V:
                print(i + 1, j + 1)
                return
    print(-1)


main()
