// Deterministic solution: suffix automaton of P+P (without its last letter),
// then matching statistics over T. A window of length m of T is a rotation of P
// iff it is a substring of P+P, i.e. iff the current match length reaches m.
#include <bits/stdc++.h>
using namespace std;

struct SAM {
    vector<array<int, 26>> nxt;
    vector<int> link, len;
    int last;
    SAM(int maxlen) {
        nxt.reserve(2 * maxlen + 2); link.reserve(2 * maxlen + 2); len.reserve(2 * maxlen + 2);
        newState(0); link[0] = -1; last = 0;
    }
    int newState(int l) {
        array<int, 26> a; a.fill(-1);
        nxt.push_back(a); link.push_back(-1); len.push_back(l);
        return (int)len.size() - 1;
    }
    void extend(int c) {
        int cur = newState(len[last] + 1);
        int p = last;
        while (p != -1 && nxt[p][c] == -1) { nxt[p][c] = cur; p = link[p]; }
        if (p == -1) link[cur] = 0;
        else {
            int q = nxt[p][c];
            if (len[p] + 1 == len[q]) link[cur] = q;
            else {
                int cl = newState(len[p] + 1);
                nxt[cl] = nxt[q]; link[cl] = link[q];
                while (p != -1 && nxt[p][c] == q) { nxt[p][c] = cl; p = link[p]; }
                link[q] = link[cur] = cl;
            }
        }
        last = cur;
    }
};

int main() {
    static char buf[600005];
    string P, T;
    if (scanf("%600000s", buf) != 1) return 0;
    P = buf;
    scanf("%600000s", buf);
    T = buf;
    int m = P.size(), n = T.size();
    if (m > n) { puts("0"); return 0; }
    string PP = P + P.substr(0, m - 1);
    SAM sam(PP.size());
    for (char ch : PP) sam.extend(ch - 'a');
    long long count = 0;
    int v = 0, l = 0;
    for (int i = 0; i < n; i++) {
        int c = T[i] - 'a';
        while (v != 0 && sam.nxt[v][c] == -1) { v = sam.link[v]; l = sam.len[v]; }
        if (sam.nxt[v][c] != -1) { v = sam.nxt[v][c]; l++; }
        else { v = 0; l = 0; }
        if (l > m) {
            // shrink the match to exactly m letters, moving to the suffix link when needed
            l = m;
            while (sam.len[sam.link[v]] >= m) v = sam.link[v];
        }
        if (l == m) count++;
    }
    printf("%lld\n", count);
    return 0;
}
