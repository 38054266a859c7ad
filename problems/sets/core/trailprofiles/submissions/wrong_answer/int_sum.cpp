// Plausible mistake: counts kept in int; adding four residues overflows 32 bits.
#include <bits/stdc++.h>
using namespace std;

long long count_trail_profiles(vector<long long> heights, long long max_height) {
    const int MOD = 1000000007;
    int n = heights.size();
    int top = (int)min<long long>(max_height, n / 2);
    vector<int> moved(top + 1, 0), flat(top + 1, 0), nm(top + 1), nf(top + 1);
    if (heights[0] == -1 || heights[0] == 0) moved[0] = 1;
    for (int i = 1; i < n; i++) {
        for (int h = 0; h <= top; h++) {
            int v = 0;
            if (h > 0) v += moved[h - 1] + flat[h - 1];
            if (h < top) v += moved[h + 1] + flat[h + 1];
            nm[h] = v % MOD;
            nf[h] = moved[h];
        }
        long long rec = heights[i];
        if (rec != -1) {
            if (rec > top) return 0;
            for (int h = 0; h <= top; h++)
                if (h != rec) nm[h] = nf[h] = 0;
        }
        swap(moved, nm);
        swap(flat, nf);
    }
    return (moved[0] + flat[0]) % MOD;
}
