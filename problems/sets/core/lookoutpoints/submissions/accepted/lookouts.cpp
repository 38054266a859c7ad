#include <bits/stdc++.h>

long long count_lookouts(const std::vector<long long>& heights) {
    long long n = (long long)heights.size();
    long long count = 0;
    for (long long i = 0; i < n; i++) {
        bool ok = true;
        if (i > 0 && heights[i - 1] >= heights[i]) ok = false;
        if (i + 1 < n && heights[i + 1] >= heights[i]) ok = false;
        if (ok) count++;
    }
    return count;
}
