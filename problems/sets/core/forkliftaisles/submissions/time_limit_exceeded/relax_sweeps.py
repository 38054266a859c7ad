# Correct but slow: repeatedly sweeps the whole grid relaxing distances until nothing changes
# (Bellman-Ford style). Needs one sweep per "turn" of the shortest path.
import sys


def main():
    data = sys.stdin.read().split()
    R, C = int(data[0]), int(data[1])
    grid = data[2:2 + R]
    INF = float('inf')
    dist = [[INF] * C for _ in range(R)]
    for r in range(R):
        for c in range(C):
            if grid[r][c] == 'S':
                dist[r][c] = 0
            elif grid[r][c] == 'G':
                g = (r, c)

    def free(r, c):
        return 0 <= r < R and 0 <= c < C and grid[r][c] != '#'

    changed = True
    while changed:
        changed = False
        for r in range(R):
            for c in range(C):
                if grid[r][c] == '#':
                    continue
                best = dist[r][c]
                for dr in (-1, 0, 1):
                    for dc in (-1, 0, 1):
                        if not (dr or dc):
                            continue
                        nr, nc = r + dr, c + dc
                        if not free(nr, nc):
                            continue
                        if dr and dc and not (free(r + dr, c) and free(r, c + dc)):
                            continue
                        if dist[nr][nc] + 1 < best:
                            best = dist[nr][nc] + 1
                if best < dist[r][c]:
                    dist[r][c] = best
                    changed = True
    d = dist[g[0]][g[1]]
    print(-1 if d == INF else d)


main()
