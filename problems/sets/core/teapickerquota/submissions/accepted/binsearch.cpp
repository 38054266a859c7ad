#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long m;
    if (scanf("%d %lld", &n, &m) != 2) return 0;
    vector<long long> t(n), k(n), c(n);
    for (int i = 0; i < n; i++) {
        long long r;
        scanf("%lld %lld %lld", &t[i], &k[i], &r);
        c[i] = k[i] * t[i] + r;
    }
    auto enough = [&](long long T) {
        long long total = 0;
        for (int i = 0; i < n; i++) {
            long long q = T / c[i], rem = T % c[i];
            total += q * k[i] + min(k[i], rem / t[i]);
            if (total >= m) return true;
        }
        return false;
    };
    long long lo = 0, hi = m * (t[0] + (c[0] - k[0] * t[0]));
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        if (enough(mid)) hi = mid;
        else lo = mid + 1;
    }
    printf("%lld\n", lo);
}
