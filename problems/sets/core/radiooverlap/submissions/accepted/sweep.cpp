#include <bits/stdc++.h>
using namespace std;

vector<vector<long long>> crowded_airtime(vector<vector<long long>> broadcasts, long long k) {
    vector<pair<long long, int>> ev;
    ev.reserve(2 * broadcasts.size());
    for (auto& b : broadcasts) {
        ev.push_back({b[0], +1});
        ev.push_back({b[1], -1});
    }
    sort(ev.begin(), ev.end());
    vector<vector<long long>> res;
    long long cnt = 0;
    bool open = false;
    long long start = 0;
    for (size_t i = 0; i < ev.size();) {
        long long x = ev[i].first;
        while (i < ev.size() && ev[i].first == x) cnt += ev[i++].second;
        if (cnt >= k && !open) {
            open = true;
            start = x;
        } else if (cnt < k && open) {
            open = false;
            res.push_back({start, x});
        }
    }
    return res;
}
