#include <bits/stdc++.h>
using namespace std;

vector<int> par, sz;
int find(int x) {
    while (par[x] != x) {
        par[x] = par[par[x]];
        x = par[x];
    }
    return x;
}

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    par.resize(n + 1);
    sz.assign(n + 1, 1);
    iota(par.begin(), par.end(), 0);
    int groups = n;
    char op[4];
    string out;
    for (int i = 0; i < q; i++) {
        scanf("%s", op);
        if (op[0] == 'B' || op[0] == 'Q') {
            int a, b;
            scanf("%d %d", &a, &b);
            a = find(a), b = find(b);
            if (op[0] == 'Q') {
                out += (a == b ? "YES\n" : "NO\n");
            } else if (a != b) {
                if (sz[a] < sz[b]) swap(a, b);
                par[b] = a;
                sz[a] += sz[b];
                groups--;
            }
        } else if (op[0] == 'S') {
            int a;
            scanf("%d", &a);
            out += to_string(sz[find(a)]) + "\n";
        } else {
            out += to_string(groups) + "\n";
        }
    }
    fputs(out.c_str(), stdout);
}
