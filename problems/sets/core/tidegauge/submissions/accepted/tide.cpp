#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long hi = LLONG_MIN, lo = LLONG_MAX;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        hi = max(hi, x);
        lo = min(lo, x);
    }
    printf("%lld %lld %lld\n", hi, lo, hi - lo);
    return 0;
}
