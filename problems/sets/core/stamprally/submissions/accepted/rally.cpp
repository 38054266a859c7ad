#include <bits/stdc++.h>
using namespace std;

struct Row {
    string name;
    int k, t;
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<Row> rows(n);
    for (auto& r : rows) cin >> r.name >> r.k >> r.t;
    sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.k != b.k) return a.k > b.k;
        if (a.t != b.t) return a.t < b.t;
        return a.name < b.name;
    });
    string out;
    for (auto& r : rows) {
        out += r.name;
        out += '\n';
    }
    cout << out;
    return 0;
}
