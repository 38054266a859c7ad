// Wrong: the periods fit in int, so the author keeps them in int -- but the
// lcm a / gcd * b is then computed in 32-bit arithmetic and overflows.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        int a, b;
        long long T;
        scanf("%d %d %lld", &a, &b, &T);
        long long l = a / std::gcd(a, b) * b;
        printf("%lld\n", T / a + T / b - T / l);
    }
    return 0;
}
