#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef pair<ll, ll> P;

ll cross(const P &o, const P &a, const P &b) {
    return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
}

int main() {
    int n; ll r;
    if (scanf("%d %lld", &n, &r) != 2) return 0;
    vector<P> pts(n);
    for (auto &p : pts) scanf("%lld %lld", &p.first, &p.second);
    sort(pts.begin(), pts.end());
    pts.erase(unique(pts.begin(), pts.end()), pts.end());
    vector<P> hull;
    int m = pts.size();
    if (m == 1) hull = pts;
    else {
        vector<P> h(2 * m);
        int k = 0;
        for (int i = 0; i < m; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], pts[i]) <= 0) k--;
            h[k++] = pts[i];
        }
        for (int i = m - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(h[k - 2], h[k - 1], pts[i]) <= 0) k--;
            h[k++] = pts[i];
        }
        h.resize(k - 1);
        hull = h;
    }
    int hs = hull.size();
    ll area2 = 0;
    long double per = 0;
    for (int i = 0; i < hs; i++) {
        const P &a = hull[i], &b = hull[(i + 1) % hs];
        area2 += a.first * b.second - b.first * a.second;
        per += hypotl((long double)(b.first - a.first), (long double)(b.second - a.second));
    }
    const long double PI = acosl(-1.0L);
    long double length = per + 2 * PI * r;
    long double area = fabsl((long double)area2) / 2 + per * r + PI * r * r;
    printf("%.9Lf %.9Lf\n", length, area);
    return 0;
}
