#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<pair<long long, long long>> w(n);  // (r, l)
    for (auto& p : w) scanf("%lld %lld", &p.second, &p.first);
    sort(w.begin(), w.end());
    long long last = -1;
    int visits = 0;
    for (auto& p : w) {
        if (p.second > last) {
            visits++;
            last = p.first;
        }
    }
    printf("%d\n", visits);
    return 0;
}
