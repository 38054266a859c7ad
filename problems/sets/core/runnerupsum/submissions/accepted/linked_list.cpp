// Process summits from the weakest to the strongest (value, then west-most wins) and delete them
// from a doubly linked list. When summit i is processed, every summit still in the list beats it,
// so its neighbours in the list are its nearest beaters on both sides.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<ll> a(n);
    for (auto &x : a) scanf("%lld", &x);
    vector<int> idx(n);
    iota(idx.begin(), idx.end(), 0);
    // weakest first: smaller value first; among equal values the eastern (larger index) one is weaker
    sort(idx.begin(), idx.end(), [&](int x, int y) {
        if (a[x] != a[y]) return a[x] < a[y];
        return x > y;
    });
    // list over positions -1 .. n (sentinels); stored with an offset of 1
    vector<int> prv(n + 2), nxt(n + 2);
    for (int p = 0; p < n + 2; p++) { prv[p] = max(p - 1, 0); nxt[p] = min(p + 1, n + 1); }
    ll total = 0;
    for (int i : idx) {
        int p = i + 1;
        ll L1 = prv[p] - 1, L2 = (prv[p] == 0 ? -1 : prv[prv[p]] - 1);
        ll R1 = nxt[p] - 1, R2 = (nxt[p] == n + 1 ? n : nxt[nxt[p]] - 1);
        ll cnt = (L1 - L2) * (R1 - i) + (i - L1) * (R2 - R1);
        total += cnt * a[i];
        nxt[prv[p]] = nxt[p];
        prv[nxt[p]] = prv[p];
    }
    printf("%lld\n", total);
    return 0;
}
