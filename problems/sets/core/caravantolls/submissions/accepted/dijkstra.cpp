#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<long long> rest(n + 1, 0);
    for (int i = 1; i <= n; i++) scanf("%lld", &rest[i]);
    vector<vector<pair<int, long long>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long w;
        scanf("%d %d %lld", &u, &v, &w);
        adj[u].push_back({v, w + rest[v]});
        adj[v].push_back({u, w + rest[u]});
    }
    const long long INF = LLONG_MAX;
    vector<long long> dist(n + 1, INF);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> pq;
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
    string out;
    for (int i = 1; i <= n; i++) {
        out += to_string(dist[i] == INF ? -1 : dist[i]);
        out += '\n';
    }
    fputs(out.c_str(), stdout);
}
