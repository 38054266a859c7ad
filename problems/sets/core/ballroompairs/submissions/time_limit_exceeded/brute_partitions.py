# Correct but exponential: enumerates every split into acts without memoisation.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    c = [[int(x) for x in data[1 + n + i * n:1 + n + (i + 1) * n]] for i in range(n)]
    sys.setrecursionlimit(10000)
    used = [False] * n
    best = [None]

    def go(start, acc):
        i = start
        while i < n and used[i]:
            i += 1
        if i == n:
            if best[0] is None or acc > best[0]:
                best[0] = acc
            return
        used[i] = True
        go(i + 1, acc + a[i])
        for j in range(i + 1, n):
            if used[j]:
                continue
            used[j] = True
            go(i + 1, acc + c[i][j])
            for k in range(j + 1, n):
                if used[k]:
                    continue
                used[k] = True
                go(i + 1, acc + c[i][j] + c[i][k] + c[j][k])
                used[k] = False
            used[j] = False
        used[i] = False

    go(0, 0)
    print(best[0])


main()
