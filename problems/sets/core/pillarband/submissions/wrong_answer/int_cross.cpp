// Plausible mistake: coordinates read into int, so cross products overflow
// once coordinates are large (fine on small inputs).
#include <bits/stdc++.h>
using namespace std;
typedef pair<int, int> P;

int cross(const P &o, const P &a, const P &b) {
    return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
}

int main() {
    int n, r;
    if (scanf("%d %d", &n, &r) != 2) return 0;
    vector<P> pts(n);
    for (auto &p : pts) scanf("%d %d", &p.first, &p.second);
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
    double area2 = 0, per = 0;
    for (int i = 0; i < hs; i++) {
        const P &a = hull[i], &b = hull[(i + 1) % hs];
        area2 += (double)a.first * b.second - (double)b.first * a.second;
        per += hypot((double)(b.first - a.first), (double)(b.second - a.second));
    }
    const double PI = acos(-1.0);
    printf("%.9f %.9f\n", per + 2 * PI * r, fabs(area2) / 2 + per * r + PI * (double)r * r);
    return 0;
}
