#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<ll> c(n + 1);
    for (int i = 1; i <= n; i++) scanf("%lld", &c[i]);
    vector<int> p(n + 1);
    vector<ll> w(n + 1);
    for (int i = 2; i <= n; i++) scanf("%d", &p[i]);
    for (int i = 2; i <= n; i++) scanf("%lld", &w[i]);
    vector<vector<pair<int, ll>>> adj(n + 1);
    for (int i = 2; i <= n; i++) {
        adj[i].push_back({p[i], w[i]});
        adj[p[i]].push_back({i, w[i]});
    }
    vector<int> par(n + 1, 0), order;
    vector<ll> pw(n + 1, 0);
    vector<char> seen(n + 1, 0);
    order.reserve(n);
    order.push_back(1);
    seen[1] = 1;
    for (size_t k = 0; k < order.size(); k++) {
        int v = order[k];
        for (auto [u, ww] : adj[v])
            if (!seen[u]) { seen[u] = 1; par[u] = v; pw[u] = ww; order.push_back(u); }
    }
    vector<ll> sub(c), down(n + 1, 0), cost(n + 1, 0);
    for (int k = n - 1; k >= 1; k--) {
        int v = order[k], q = par[v];
        sub[q] += sub[v];
        down[q] += down[v] + sub[v] * pw[v];
    }
    ll total = sub[1];
    cost[1] = down[1];
    for (int k = 1; k < n; k++) {
        int v = order[k];
        cost[v] = cost[par[v]] + pw[v] * (total - 2 * sub[v]);
    }
    int best = 1;
    for (int v = 2; v <= n; v++) if (cost[v] < cost[best]) best = v;
    printf("%d %lld\n", best, cost[best]);
    return 0;
}
