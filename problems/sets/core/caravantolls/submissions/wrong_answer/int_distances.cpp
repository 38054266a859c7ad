// Wrong: stores distances in 32-bit ints, which overflow on long routes.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<int> rest(n + 1, 0);
    for (int i = 1; i <= n; i++) scanf("%d", &rest[i]);
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v, w;
        scanf("%d %d %d", &u, &v, &w);
        adj[u].push_back({v, w + rest[v]});
        adj[v].push_back({u, w + rest[u]});
    }
    const int INF = INT_MAX;
    vector<int> dist(n + 1, INF);
    priority_queue<pair<int, int>, vector<pair<int, int>>, greater<>> pq;
    dist[1] = 0;
    pq.push({0, 1});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d != dist[u]) continue;
        for (auto [v, c] : adj[u])
            if (d + c < dist[v]) {
                dist[v] = d + c;
                pq.push({dist[v], v});
            }
    }
    for (int i = 1; i <= n; i++) printf("%d\n", dist[i] == INF ? -1 : dist[i]);
}
