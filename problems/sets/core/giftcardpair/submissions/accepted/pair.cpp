#include <bits/stdc++.h>
using namespace std;

// Sort the items by price and walk two pointers inward.
int main() {
    int n;
    long long V;
    if (scanf("%d %lld", &n, &V) != 2) return 0;
    vector<pair<long long, int>> items(n);
    for (int i = 0; i < n; i++) {
        scanf("%lld", &items[i].first);
        items[i].second = i + 1;
    }
    sort(items.begin(), items.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long s = items[lo].first + items[hi].first;
        if (s == V) {
            printf("%d %d\n", items[lo].second, items[hi].second);
            return 0;
        }
        if (s < V) lo++;
        else hi--;
    }
    printf("-1\n");
    return 0;
}
