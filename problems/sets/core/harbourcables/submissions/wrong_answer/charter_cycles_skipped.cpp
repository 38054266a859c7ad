// Plausible mistake: charter routes are fed to the union-find first, but a charter
// route that closes a cycle is treated like a rejected Kruskal edge and not paid for.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

vector<int> par;
int findr(int x) {
    while (par[x] != x) { par[x] = par[par[x]]; x = par[x]; }
    return x;
}

int main() {
    int n, m; ll k;
    if (scanf("%d %d %lld", &n, &m, &k) != 3) return 0;
    par.resize(n + 1);
    iota(par.begin(), par.end(), 0);
    vector<ll> chosen;
    vector<array<ll, 4>> edges;
    for (int j = 0; j < m; j++) {
        int u, v, t; ll c;
        scanf("%d %d %lld %d", &u, &v, &c, &t);
        edges.push_back({(ll)(1 - t), c, (ll)u, (ll)v});  // charters sort first
    }
    sort(edges.begin(), edges.end());
    int comps = n;
    for (auto &e : edges) {
        int a = findr((int)e[2]), b = findr((int)e[3]);
        if (a != b) { par[a] = b; comps--; chosen.push_back(e[1]); }
    }
    if (comps != 1) { puts("-1"); return 0; }
    sort(chosen.begin(), chosen.end());
    ll keep = max(0LL, (ll)chosen.size() - k);
    ll total = 0;
    for (ll i = 0; i < keep; i++) total += chosen[i];
    printf("%lld\n", total);
    return 0;
}
