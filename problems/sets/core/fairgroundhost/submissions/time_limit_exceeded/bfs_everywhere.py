# Correct but quadratic: one BFS from every village.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    c = [0] + [int(x) for x in data[1:n + 1]]
    adj = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        p = int(data[n + i - 1]); w = int(data[2 * n + i - 2])
        adj[i].append((p, w))
        adj[p].append((i, w))
    best = None
    for v in range(1, n + 1):
        dist = [-1] * (n + 1)
        dist[v] = 0
        q = [v]
        tot = 0
        for x in q:
            tot += c[x] * dist[x]
            for u, w in adj[x]:
                if dist[u] < 0:
                    dist[u] = dist[x] + w
                    q.append(u)
        if best is None or tot < best[0]:
            best = (tot, v)
    print(best[1], best[0])


main()
