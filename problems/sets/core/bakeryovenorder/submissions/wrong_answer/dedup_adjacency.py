# Wrong: stores each task's followers in a set (dropping repeated rules) but counts every rule
# line in the in-degree, so a repeated rule leaves a task stuck and a valid plan is reported
# as IMPOSSIBLE.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [set() for _ in range(n + 1)]
    indeg = [0] * (n + 1)
    for i in range(m):
        u, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        adj[u].add(v)
        indeg[v] += 1
    order = [v for v in range(1, n + 1) if indeg[v] == 0]
    for u in order:
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                order.append(v)
    if len(order) < n:
        print("IMPOSSIBLE")
    else:
        print(" ".join(map(str, order)))


main()
