#include <bits/stdc++.h>
using namespace std;

long long retune_cost(const string& source, const string& target, long long gap) {
    int n = source.size(), m = target.size();
    auto dial = [](char a, char b) {
        int d = abs(a - b);
        return (long long)min(d, 26 - d);
    };
    vector<long long> del(n), ins(m);
    for (int i = 0; i < n; i++) del[i] = (i > 0 && source[i] == source[i - 1]) ? 1 : gap;
    for (int j = 0; j < m; j++) ins[j] = (j > 0 && target[j] == target[j - 1]) ? 1 : gap;
    vector<long long> prev(m + 1, 0), cur(m + 1);
    for (int j = 0; j < m; j++) prev[j + 1] = prev[j] + ins[j];
    for (int i = 0; i < n; i++) {
        cur[0] = prev[0] + del[i];
        for (int j = 0; j < m; j++)
            cur[j + 1] = min({prev[j] + dial(source[i], target[j]), prev[j + 1] + del[i], cur[j] + ins[j]});
        swap(prev, cur);
    }
    return prev[m];
}
