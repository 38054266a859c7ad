import sys


def main():
    data = sys.stdin.buffer.read().split()
    R, C = int(data[0]), int(data[1])
    W = C + 2
    # padded grid, True = free
    free = [False] * ((R + 2) * W)
    s = g = -1
    for r in range(R):
        row = data[2 + r]
        base = (r + 1) * W + 1
        for c in range(C):
            ch = row[c]
            if ch != 35:  # not '#'
                free[base + c] = True
                if ch == 83:
                    s = base + c
                elif ch == 71:
                    g = base + c
    dist = [-1] * len(free)
    dist[s] = 0
    q = [s]
    orth = (1, -1, W, -W)
    diag = ((W + 1, 1, W), (W - 1, -1, W), (-W + 1, 1, -W), (-W - 1, -1, -W))
    for v in q:
        if v == g:
            break
        d = dist[v] + 1
        for o in orth:
            u = v + o
            if free[u] and dist[u] < 0:
                dist[u] = d
                q.append(u)
        for o, a, b in diag:
            u = v + o
            if free[u] and dist[u] < 0 and free[v + a] and free[v + b]:
                dist[u] = d
                q.append(u)
    print(dist[g])


main()
