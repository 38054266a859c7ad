#include <bits/stdc++.h>
using namespace std;

int main() {
    int R, C;
    if (scanf("%d %d", &R, &C) != 2) return 0;
    vector<string> g(R);
    char buf[600];
    int sr = 0, sc = 0, gr = 0, gc = 0;
    for (int r = 0; r < R; r++) {
        scanf("%s", buf);
        g[r] = buf;
        for (int c = 0; c < C; c++) {
            if (g[r][c] == 'S') sr = r, sc = c;
            if (g[r][c] == 'G') gr = r, gc = c;
        }
    }
    auto freeCell = [&](int r, int c) { return r >= 0 && r < R && c >= 0 && c < C && g[r][c] != '#'; };
    vector<vector<int>> dist(R, vector<int>(C, -1));
    deque<pair<int, int>> q;
    dist[sr][sc] = 0;
    q.push_back({sr, sc});
    while (!q.empty()) {
        auto [r, c] = q.front();
        q.pop_front();
        for (int dr = -1; dr <= 1; dr++)
            for (int dc = -1; dc <= 1; dc++) {
                if (!dr && !dc) continue;
                int nr = r + dr, nc = c + dc;
                if (!freeCell(nr, nc) || dist[nr][nc] >= 0) continue;
                if (dr && dc && !(freeCell(r + dr, c) && freeCell(r, c + dc))) continue;
                dist[nr][nc] = dist[r][c] + 1;
                q.push_back({nr, nc});
            }
    }
    printf("%d\n", dist[gr][gc]);
}
