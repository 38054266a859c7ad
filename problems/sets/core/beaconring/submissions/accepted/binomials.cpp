#include <bits/stdc++.h>
using namespace std;
const long long MOD = 1000000007LL;

long long power(long long b, long long e) {
    long long r = 1;
    b %= MOD;
    while (e) {
        if (e & 1) r = r * b % MOD;
        b = b * b % MOD;
        e >>= 1;
    }
    return r;
}

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    vector<array<long long, 3>> qs(q);
    long long top = 1;
    for (auto& x : qs) {
        scanf("%lld %lld %lld", &x[0], &x[1], &x[2]);
        top = max(top, x[0]);
    }
    vector<long long> fact(top + 1), inv(top + 1);
    fact[0] = 1;
    for (long long i = 1; i <= top; i++) fact[i] = fact[i - 1] * i % MOD;
    inv[top] = power(fact[top], MOD - 2);
    for (long long i = top; i > 0; i--) inv[i - 1] = inv[i] * i % MOD;
    string out;
    for (auto& x : qs) {
        long long n = x[0], k = x[1], d = x[2], ans;
        if (k == 0) {
            ans = 1;
        } else {
            long long a = n - k * d - 1, b = k - 1;
            if (a < b) {
                ans = 0;
            } else {
                long long comb = fact[a] * inv[b] % MOD * inv[a - b] % MOD;
                ans = n % MOD * power(k, MOD - 2) % MOD * comb % MOD;
            }
        }
        out += to_string(ans);
        out += '\n';
    }
    fputs(out.c_str(), stdout);
}
