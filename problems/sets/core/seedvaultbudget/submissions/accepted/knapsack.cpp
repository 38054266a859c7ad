#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, P;
    if (scanf("%d %d", &n, &P) != 2) return 0;
    const long long INF = LLONG_MAX / 4;
    // dp[j] = cheapest cost of a set of packets giving at least j sprouts
    vector<long long> dp(P + 1, INF);
    dp[0] = 0;
    for (int i = 0; i < n; i++) {
        long long c;
        int g;
        scanf("%lld %d", &c, &g);
        for (int j = P; j >= 1; j--) {
            int from = max(0, j - g);
            if (dp[from] + c < dp[j]) dp[j] = dp[from] + c;
        }
    }
    printf("%lld\n", dp[P] >= INF ? -1LL : dp[P]);
}
