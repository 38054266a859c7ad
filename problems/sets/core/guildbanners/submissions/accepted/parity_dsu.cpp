// Union-find where every node stores the parity of its colour relative to its parent.
#include <bits/stdc++.h>
using namespace std;

vector<int> par, rel;  // rel[x] = colour(x) xor colour(par[x])
pair<int, int> findr(int x) {
    int acc = 0, r = x;
    while (par[r] != r) { acc ^= rel[r]; r = par[r]; }
    // path compression with parity fix-up
    int cur = x, curacc = acc;
    while (par[cur] != cur) {
        int nxt = par[cur], nr = rel[cur];
        par[cur] = r; rel[cur] = curacc;
        curacc ^= nr;
        cur = nxt;
    }
    return {r, acc};
}

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    par.resize(n + 1); rel.assign(n + 1, 0);
    iota(par.begin(), par.end(), 0);
    bool ok = true;
    for (int i = 0; i < m; i++) {
        int u, v, t;
        scanf("%d %d %d", &u, &v, &t);
        auto [ru, pu] = findr(u);
        auto [rv, pv] = findr(v);
        if (ru == rv) { if ((pu ^ pv) != t) ok = false; }
        else { par[ru] = rv; rel[ru] = pu ^ pv ^ t; }
    }
    if (!ok) { puts("NO"); return 0; }
    string s(n, 'R');
    for (int i = 1; i <= n; i++) if (findr(i).second) s[i - 1] = 'B';
    printf("YES\n%s\n", s.c_str());
    return 0;
}
