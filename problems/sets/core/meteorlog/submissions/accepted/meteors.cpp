#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> pre(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        long long m;
        scanf("%lld", &m);
        pre[i] = pre[i - 1] + m;
    }
    string out;
    char buf[32];
    for (int j = 0; j < q; j++) {
        int a, b;
        scanf("%d %d", &a, &b);
        if (a > b) swap(a, b);
        snprintf(buf, sizeof buf, "%lld\n", pre[b] - pre[a - 1]);
        out += buf;
    }
    fputs(out.c_str(), stdout);
    return 0;
}
