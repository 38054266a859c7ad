#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<ll> a(n);
    for (auto &x : a) scanf("%lld", &x);
    vector<vector<ll>> c(n, vector<ll>(n));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) scanf("%lld", &c[i][j]);
    const ll NEG = LLONG_MIN / 4;
    int full = (1 << n) - 1;
    vector<ll> dp(1 << n, NEG);
    dp[0] = 0;
    for (int mask = 0; mask < full; mask++) {
        ll v = dp[mask];
        if (v == NEG) continue;
        int i = __builtin_ctz(~mask);
        int nm = mask | (1 << i);
        dp[nm] = max(dp[nm], v + a[i]);
        for (int j = i + 1; j < n; j++) {
            if (mask >> j & 1) continue;
            int m2 = nm | (1 << j);
            ll w2 = v + c[i][j];
            dp[m2] = max(dp[m2], w2);
            for (int k = j + 1; k < n; k++) {
                if (mask >> k & 1) continue;
                dp[m2 | (1 << k)] = max(dp[m2 | (1 << k)], w2 + c[i][k] + c[j][k]);
            }
        }
    }
    printf("%lld\n", dp[full]);
    return 0;
}
