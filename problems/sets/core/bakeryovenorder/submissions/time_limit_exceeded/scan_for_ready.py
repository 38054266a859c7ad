# Correct but slow: repeatedly scans all tasks for one whose prerequisites are all done, O(n^2 + n*m).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    pre = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        pre[v].append(u)
    done = [False] * (n + 1)
    order = []
    while len(order) < n:
        found = False
        for v in range(1, n + 1):
            if not done[v] and all(done[u] for u in pre[v]):
                done[v] = True
                order.append(v)
                found = True
                break
        if not found:
            print("IMPOSSIBLE")
            return
    print(" ".join(map(str, order)))


main()
