#include <bits/stdc++.h>

long long longest_snack_run(const std::vector<long long>& prices, long long budget) {
    long long best = 0, total = 0;
    size_t left = 0;
    for (size_t right = 0; right < prices.size(); right++) {
        total += prices[right];
        while (total > budget) {
            total -= prices[left];
            left++;
        }
        best = std::max(best, (long long)(right - left + 1));
    }
    return best;
}
