#include <bits/stdc++.h>

std::string best_banner(const std::string& tiles) {
    std::array<long long, 26> cnt{};
    for (char ch : tiles) cnt[ch - 'a']++;
    std::string half;
    for (int i = 0; i < 26; i++) half.append(cnt[i] / 2, char('a' + i));
    std::string middle;
    for (int i = 0; i < 26; i++) {
        if (cnt[i] % 2 == 1) {
            middle = std::string(1, char('a' + i));
            break;
        }
    }
    std::string back(half.rbegin(), half.rend());
    return half + middle + back;
}
