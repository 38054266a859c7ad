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
    vector<array<ll, 3>> opt;
    int comps = n;
    for (int j = 0; j < m; j++) {
        int u, v, t; ll c;
        scanf("%d %d %lld %d", &u, &v, &c, &t);
        if (t == 1) {
            chosen.push_back(c);
            int a = findr(u), b = findr(v);
            if (a != b) { par[a] = b; comps--; }
        } else {
            opt.push_back({c, (ll)u, (ll)v});
        }
    }
    sort(opt.begin(), opt.end());
    for (auto &e : opt) {
        if (comps == 1) break;
        int a = findr((int)e[1]), b = findr((int)e[2]);
        if (a != b) { par[a] = b; comps--; chosen.push_back(e[0]); }
    }
    if (comps != 1) { puts("-1"); return 0; }
    sort(chosen.begin(), chosen.end());
    ll keep = max(0LL, (ll)chosen.size() - k);
    ll total = 0;
    for (ll i = 0; i < keep; i++) total += chosen[i];
    printf("%lld\n", total);
    return 0;
}
