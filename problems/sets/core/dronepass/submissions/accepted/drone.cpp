#include <bits/stdc++.h>
using namespace std;

int main() {
    long long xs, ys, xt, yt;
    int n;
    if (scanf("%lld %lld %lld %lld %d", &xs, &ys, &xt, &yt, &n) != 5) return 0;
    long long dx = xt - xs, dy = yt - ys;
    long long len2 = dx * dx + dy * dy;
    double best = 1e300;
    for (int i = 0; i < n; i++) {
        long long x, y;
        scanf("%lld %lld", &x, &y);
        long long px = x - xs, py = y - ys;
        long long dot = px * dx + py * dy;
        double d;
        if (len2 == 0 || dot <= 0) {
            d = sqrt((double)(px * px + py * py));
        } else if (dot >= len2) {
            long long qx = x - xt, qy = y - yt;
            d = sqrt((double)(qx * qx + qy * qy));
        } else {
            long long cr = px * dy - py * dx;
            d = fabs((double)cr) / sqrt((double)len2);
        }
        best = min(best, d);
    }
    printf("%.9f\n", best);
    return 0;
}
