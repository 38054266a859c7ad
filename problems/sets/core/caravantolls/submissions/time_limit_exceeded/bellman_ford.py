# Correct but slow: Bellman-Ford style relaxation of all roads until nothing changes,
# O(n * m) in the worst case (long routes).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    rest = [0] + [int(x) for x in data[2:2 + n]]
    arcs = []
    p = 2 + n
    for _ in range(m):
        u, v, w = int(data[p]), int(data[p + 1]), int(data[p + 2])
        p += 3
        arcs.append((u, v, w + rest[v]))
        arcs.append((v, u, w + rest[u]))
    INF = float('inf')
    dist = [INF] * (n + 1)
    dist[1] = 0
    for _ in range(n):
        changed = False
        for u, v, c in arcs:
            if dist[u] + c < dist[v]:
                dist[v] = dist[u] + c
                changed = True
        if not changed:
            break
    print("\n".join(str(-1 if d == INF else d) for d in dist[1:]))


main()
