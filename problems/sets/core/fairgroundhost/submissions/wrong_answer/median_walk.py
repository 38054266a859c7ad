# Plausible mistake: walks from village 1 towards the weighted median (a neighbour whose side holds
# more than half of the families) and reports where the walk stops, ignoring the tie rule:
# other villages with the same total travel and a smaller number are missed.
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
    parent = [0] * (n + 1)
    order = [1]
    seen = [False] * (n + 1)
    seen[1] = True
    for v in order:
        for u, w in adj[v]:
            if not seen[u]:
                seen[u] = True
                parent[u] = v
                order.append(u)
    sub = c[:]
    for v in reversed(order):
        if parent[v]:
            sub[parent[v]] += sub[v]
    total = sub[1]
    v = 1
    while True:
        nxt = 0
        for u, w in adj[v]:
            if u != parent[v] and 2 * sub[u] > total:
                nxt = u
        if not nxt:
            break
        v = nxt
    # total travel to v by one more BFS
    dist = [-1] * (n + 1)
    dist[v] = 0
    q = [v]
    for x in q:
        for u, w in adj[x]:
            if dist[u] < 0:
                dist[u] = dist[x] + w
                q.append(u)
    print(v, sum(c[u] * dist[u] for u in range(1, n + 1)))


main()
