// Wrong: computes the cheapest way to get EXACTLY P sprouts (and ignores packets with more
// than P sprouts), although getting more than P sprouts is allowed.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, P;
    if (scanf("%d %d", &n, &P) != 2) return 0;
    const long long INF = LLONG_MAX / 4;
    vector<long long> dp(P + 1, INF);
    dp[0] = 0;
    for (int i = 0; i < n; i++) {
        long long c;
        int g;
        scanf("%lld %d", &c, &g);
        if (g > P) continue;
        for (int j = P; j >= g; j--) dp[j] = min(dp[j], dp[j - g] + c);
    }
    printf("%lld\n", dp[P] >= INF ? -1LL : dp[P]);
}
