# Dinkelbach iteration with exact integer arithmetic: for the current ratio p/q, find the
# window (length >= L) maximising A*q - B*p; if the maximum is <= 0, p/q is optimal,
# otherwise that window has a strictly better ratio and becomes the new candidate.
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
    p, q = PA[n], PB[n]
    while True:
        # value of prefix j: V[j] = PA[j]*q - PB[j]*p ; window (i, j] has value V[j] - V[i]
        V = [x * q - y * p for x, y in zip(PA, PB)]
        best = 0
        bi = bj = -1
        mn_idx = 0
        for j in range(L, n + 1):
            i = j - L
            if V[i] < V[mn_idx]:
                mn_idx = i
            cand = V[j] - V[mn_idx]
            if cand > best:
                best, bi, bj = cand, mn_idx, j
        if best <= 0:
            break
        p, q = PA[bj] - PA[bi], PB[bj] - PB[bi]
    print(f"{p / q:.9f}")


main()
