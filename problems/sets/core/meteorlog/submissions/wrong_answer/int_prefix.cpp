// Wrong: prefix sums kept in 32-bit int; totals can reach 5*10^10.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<int> pre(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        int m;
        scanf("%d", &m);
        pre[i] = pre[i - 1] + m;
    }
    for (int j = 0; j < q; j++) {
        int a, b;
        scanf("%d %d", &a, &b);
        if (a > b) swap(a, b);
        printf("%d\n", pre[b] - pre[a - 1]);
    }
    return 0;
}
