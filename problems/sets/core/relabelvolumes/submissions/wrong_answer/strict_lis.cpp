// Plausible mistake: uses a strictly increasing subsequence of b_i = a_i - i
// (lower_bound), although equal b values can both be kept.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> tails;
    for (int i = 1; i <= n; i++) {
        long long a;
        scanf("%lld", &a);
        long long b = a - i;
        if (b < 0) continue;
        auto it = lower_bound(tails.begin(), tails.end(), b);
        if (it == tails.end()) tails.push_back(b);
        else *it = b;
    }
    printf("%d\n", n - (int)tails.size());
    return 0;
}
