#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    string out;
    char buf[32];
    while (q--) {
        long long a, b, T;
        scanf("%lld %lld %lld", &a, &b, &T);
        long long l = a / std::gcd(a, b) * b;  // at most 10^18, fits in 64 bits
        snprintf(buf, sizeof buf, "%lld\n", T / a + T / b - T / l);
        out += buf;
    }
    fputs(out.c_str(), stdout);
    return 0;
}
