// Plausible mistake: values stored as int; the product for A is widened,
// but the product A[r]*B[l] in the combine step is computed in 32-bit int and overflows.
#include <bits/stdc++.h>
using namespace std;
const int MOD = 1000000007;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    int size = 1;
    while (size < n) size <<= 1;
    vector<int> A(2 * size, 1), B(2 * size, 0);
    for (int i = 0; i < n; i++) scanf("%d %d", &A[size + i], &B[size + i]);
    auto pull = [&](int p) {
        int l = 2 * p, r = l + 1;
        A[p] = (long long)A[r] * A[l] % MOD;
        B[p] = (A[r] * B[l] + B[r]) % MOD;
    };
    for (int p = size - 1; p >= 1; p--) pull(p);
    vector<int> right;
    for (int k = 0; k < q; k++) {
        int t;
        scanf("%d", &t);
        if (t == 1) {
            int i, a, b;
            scanf("%d %d %d", &i, &a, &b);
            int p = size + i - 1;
            A[p] = a; B[p] = b;
            for (p >>= 1; p; p >>= 1) pull(p);
        } else {
            int l, r; long long x;
            scanf("%d %d %lld", &l, &r, &x);
            int lo = l - 1 + size, hi = r + size;
            right.clear();
            while (lo < hi) {
                if (lo & 1) { x = (A[lo] * x + B[lo]) % MOD; lo++; }
                if (hi & 1) { hi--; right.push_back(hi); }
                lo >>= 1; hi >>= 1;
            }
            for (int j = (int)right.size() - 1; j >= 0; j--) {
                int p = right[j];
                x = (A[p] * x + B[p]) % MOD;
            }
            printf("%lld\n", x);
        }
    }
    return 0;
}
