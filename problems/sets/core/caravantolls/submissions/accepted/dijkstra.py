import sys
from heapq import heappop, heappush


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    rest = [0] + [int(x) for x in data[2:2 + n]]
    adj = [[] for _ in range(n + 1)]
    p = 2 + n
    for _ in range(m):
        u, v, w = int(data[p]), int(data[p + 1]), int(data[p + 2])
        p += 3
        adj[u].append((v, w + rest[v]))
        adj[v].append((u, w + rest[u]))
    INF = -1
    dist = [INF] * (n + 1)
    done = [False] * (n + 1)
    dist[1] = 0
    pq = [(0, 1)]
    while pq:
        d, u = heappop(pq)
        if done[u]:
            continue
        done[u] = True
        for v, c in adj[u]:
            nd = d + c
            if dist[v] < 0 or nd < dist[v]:
                dist[v] = nd
                heappush(pq, (nd, v))
    sys.stdout.write("\n".join(map(str, dist[1:])) + "\n")


main()
