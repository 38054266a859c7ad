# Plausible mistake: the BFS is started only from house 1, so other components
# are never checked and keep the default colour.
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
    col = [0] * (n + 1)
    seen = [False] * (n + 1)
    seen[1] = True
    queue = [1]
    for x in queue:
        for y, t in adj[x]:
            want = col[x] ^ t
            if not seen[y]:
                seen[y] = True
                col[y] = want
                queue.append(y)
            elif col[y] != want:
                print('NO')
                return
    print('YES')
    print(''.join('RB'[c] for c in col[1:]))


main()
