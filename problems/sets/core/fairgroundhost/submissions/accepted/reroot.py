import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    c = [0] + list(map(int, data[1:n + 1]))
    P = [0, 0] + list(map(int, data[n + 1:2 * n]))
    W = [0, 0] + list(map(int, data[2 * n:3 * n - 1]))
    # The n - 1 roads (i, p_i) form a tree and village 1 has no p, so following p from any village
    # always ends in village 1: p is a parent array of the tree rooted at village 1.
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[P[i]].append(i)
    order = [1]
    for v in order:            # iterative BFS, no recursion
        order.extend(children[v])
    sub = c[:]                 # families in the subtree
    down = [0] * (n + 1)       # travel of the subtree's families to its root
    for v in reversed(order):
        p = P[v]               # P[1] = 0 is a dummy slot
        s = sub[v]
        sub[p] += s
        down[p] += down[v] + s * W[v]
    total = sub[1]
    cost = [0] * (n + 1)
    cost[1] = down[1]
    for v in order[1:]:
        # moving the host across the road v - p_v: the families in v's subtree get closer
        cost[v] = cost[P[v]] + W[v] * (total - 2 * sub[v])
    best = min(range(1, n + 1), key=cost.__getitem__)   # first minimum = smallest number
    print(best, cost[best])


main()
