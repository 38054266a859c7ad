import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    pos = 2
    for _ in range(m):
        u = int(data[pos]); v = int(data[pos + 1]); t = int(data[pos + 2])
        pos += 3
        adj[u].append((v, t))
        adj[v].append((u, t))
    col = [-1] * (n + 1)
    for s in range(1, n + 1):
        if col[s] != -1:
            continue
        col[s] = 0
        queue = [s]
        for x in queue:
            cx = col[x]
            for y, t in adj[x]:
                want = cx ^ t
                if col[y] == -1:
                    col[y] = want
                    queue.append(y)
                elif col[y] != want:
                    print('NO')
                    return
    print('YES')
    print(''.join('RB'[c] for c in col[1:]))


main()
