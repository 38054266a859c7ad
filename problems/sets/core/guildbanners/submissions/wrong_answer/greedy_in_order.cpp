// Plausible mistake: colours houses while reading the rules, never revisiting a decision.
// Two separately coloured groups joined later by a rule may be in the wrong relative colour.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<int> col(n + 1, -1);
    bool ok = true;
    for (int i = 0; i < m; i++) {
        int u, v, t;
        scanf("%d %d %d", &u, &v, &t);
        if (col[u] == -1 && col[v] == -1) { col[u] = 0; col[v] = t; }
        else if (col[u] == -1) col[u] = col[v] ^ t;
        else if (col[v] == -1) col[v] = col[u] ^ t;
        else if ((col[u] ^ col[v]) != t) ok = false;
    }
    if (!ok) { puts("NO"); return 0; }
    string s(n, 'R');
    for (int i = 1; i <= n; i++) if (col[i] == 1) s[i - 1] = 'B';
    printf("YES\n%s\n", s.c_str());
    return 0;
}
