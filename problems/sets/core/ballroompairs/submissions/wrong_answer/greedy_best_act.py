# Plausible mistake: repeatedly stage the single best act among the dancers still free.
import sys
from itertools import combinations


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    c = [[int(x) for x in data[1 + n + i * n:1 + n + (i + 1) * n]] for i in range(n)]
    free = set(range(n))
    total = 0
    while free:
        best = None
        for i in free:
            if best is None or a[i] > best[0]:
                best = (a[i], (i,))
        for i, j in combinations(sorted(free), 2):
            if c[i][j] > best[0]:
                best = (c[i][j], (i, j))
        for i, j, k in combinations(sorted(free), 3):
            s = c[i][j] + c[i][k] + c[j][k]
            if s > best[0]:
                best = (s, (i, j, k))
        total += best[0]
        free -= set(best[1])
    print(total)


main()
