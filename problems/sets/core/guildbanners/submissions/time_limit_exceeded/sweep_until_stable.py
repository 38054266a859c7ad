# Correct but slow: sweeps over all rules again and again, colouring a house whenever one
# end of a rule is known; a chain listed backwards needs one sweep per house (O(n * m)).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    rules = [(int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])) for i in range(m)]
    col = [-1] * (n + 1)
    nxt_seed = 1
    while True:
        changed = True
        while changed:
            changed = False
            for u, v, t in rules:
                if col[u] != -1 and col[v] == -1:
                    col[v] = col[u] ^ t
                    changed = True
                elif col[v] != -1 and col[u] == -1:
                    col[u] = col[v] ^ t
                    changed = True
        while nxt_seed <= n and col[nxt_seed] != -1:
            nxt_seed += 1
        if nxt_seed > n:
            break
        col[nxt_seed] = 0
    for u, v, t in rules:
        if col[u] ^ col[v] != t:
            print('NO')
            return
    print('YES')
    print(''.join('RB'[c] for c in col[1:]))


main()
