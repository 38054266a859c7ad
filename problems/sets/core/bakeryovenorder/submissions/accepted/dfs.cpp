// Iterative DFS with colours: a grey->grey edge means a cycle; otherwise reversed post-order.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<vector<int>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v;
        scanf("%d %d", &u, &v);
        adj[u].push_back(v);
    }
    vector<int> colour(n + 1, 0), it(n + 1, 0), post;
    post.reserve(n);
    for (int s = n; s >= 1; s--) {
        if (colour[s]) continue;
        vector<int> st = {s};
        colour[s] = 1;
        while (!st.empty()) {
            int u = st.back();
            if (it[u] < (int)adj[u].size()) {
                int v = adj[u][it[u]++];
                if (colour[v] == 1) {
                    puts("IMPOSSIBLE");
                    return 0;
                }
                if (colour[v] == 0) {
                    colour[v] = 1;
                    st.push_back(v);
                }
            } else {
                colour[u] = 2;
                post.push_back(u);
                st.pop_back();
            }
        }
    }
    reverse(post.begin(), post.end());
    string out;
    for (int i = 0; i < n; i++) {
        if (i) out += ' ';
        out += to_string(post[i]);
    }
    puts(out.c_str());
}
