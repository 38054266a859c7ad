// Plausible mistake: checks only that the window has the same letter counts as P
// (a rotation always does, but the converse is false).
#include <bits/stdc++.h>
using namespace std;

int main() {
    static char buf[600005];
    if (scanf("%600000s", buf) != 1) return 0;
    string P = buf;
    scanf("%600000s", buf);
    string T = buf;
    int m = P.size(), n = T.size();
    if (m > n) { puts("0"); return 0; }
    array<int, 26> need{}, have{};
    for (char c : P) need[c - 'a']++;
    long long count = 0;
    for (int i = 0; i < n; i++) {
        have[T[i] - 'a']++;
        if (i >= m) have[T[i - m] - 'a']--;
        if (i >= m - 1 && have == need) count++;
    }
    printf("%lld\n", count);
    return 0;
}
