# Correct but naive: adds up the nights of every question one by one, O(n * q).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    m = list(map(int, data[2:2 + n]))
    qs = list(map(int, data[2 + n:2 + n + 2 * q]))
    out = []
    for j in range(0, 2 * q, 2):
        a, b = qs[j], qs[j + 1]
        if a > b:
            a, b = b, a
        total = 0
        for i in range(a - 1, b):
            total += m[i]
        out.append(total)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
