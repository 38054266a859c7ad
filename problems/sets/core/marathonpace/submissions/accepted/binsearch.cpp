#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, L;
    if (scanf("%d %d", &n, &L) != 2) return 0;
    vector<double> a(n), b(n);
    for (auto& x : a) scanf("%lf", &x);
    for (auto& x : b) scanf("%lf", &x);
    // is there a window of length >= L with sum(a) - x * sum(b) >= 0 ?
    vector<double> P(n + 1);
    auto feasible = [&](double x) {
        P[0] = 0;
        for (int i = 0; i < n; i++) P[i + 1] = P[i] + a[i] - x * b[i];
        double mn = 1e300;
        for (int j = L; j <= n; j++) {
            mn = min(mn, P[j - L]);
            if (P[j] - mn >= 0) return true;
        }
        return false;
    };
    double lo = 0, hi = 1e4 + 1;
    for (int it = 0; it < 100; it++) {
        double mid = (lo + hi) / 2;
        if (feasible(mid)) lo = mid;
        else hi = mid;
    }
    printf("%.9f\n", lo);
}
