# Wrong: allows diagonal moves even when one of the two squeezed-past cells is a shelf.
import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    R, C = int(data[0]), int(data[1])
    grid = data[2:2 + R]
    for r in range(R):
        for c in range(C):
            if grid[r][c] == 'S':
                s = (r, c)
            elif grid[r][c] == 'G':
                g = (r, c)
    dist = [[-1] * C for _ in range(R)]
    dist[s[0]][s[1]] = 0
    dq = deque([s])
    while dq:
        r, c = dq.popleft()
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                nr, nc = r + dr, c + dc
                if (dr or dc) and 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != '#' and dist[nr][nc] < 0:
                    dist[nr][nc] = dist[r][c] + 1
                    dq.append((nr, nc))
    print(dist[g[0]][g[1]])


main()
