#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> tails;
    for (int i = 1; i <= n; i++) {
        long long a;
        scanf("%lld", &a);
        long long b = a - i;
        if (b < 0) continue;  // a_i < i: not enough positive numbers fit before it
        auto it = upper_bound(tails.begin(), tails.end(), b);
        if (it == tails.end()) tails.push_back(b);
        else *it = b;
    }
    printf("%d\n", n - (int)tails.size());
    return 0;
}
