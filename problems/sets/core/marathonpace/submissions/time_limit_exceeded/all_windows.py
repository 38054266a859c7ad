# Correct but quadratic: tries every block of at least L days using prefix sums.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, L = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    b = list(map(int, data[2 + n:2 + 2 * n]))
    PA = [0] * (n + 1)
    PB = [0] * (n + 1)
    for i in range(n):
        PA[i + 1] = PA[i] + a[i]
        PB[i + 1] = PB[i] + b[i]
    best_p, best_q = 0, 1
    for i in range(n):
        for j in range(i + L, n + 1):
            p, q = PA[j] - PA[i], PB[j] - PB[i]
            if p * best_q > best_p * q:
                best_p, best_q = p, q
    print(f"{best_p / best_q:.9f}")


main()
