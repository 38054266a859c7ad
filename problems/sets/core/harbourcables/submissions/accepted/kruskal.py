import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    parent = list(range(n + 1))

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    chosen = []
    optional = []
    comps = n
    pos = 3
    for _ in range(m):
        u = int(data[pos]); v = int(data[pos + 1]); c = int(data[pos + 2]); t = data[pos + 3]
        pos += 4
        if t == b'1':
            chosen.append(c)          # charter: always laid, even if it closes a cycle
            ru, rv = find(u), find(v)
            if ru != rv:
                parent[ru] = rv
                comps -= 1
        else:
            optional.append((c, u, v))
    optional.sort()
    for c, u, v in optional:
        if comps == 1:
            break
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            comps -= 1
            chosen.append(c)
    if comps != 1:
        print(-1)
        return
    # The MST (with forced edges) is element-wise smallest among all valid choices once sorted,
    # so spending the vouchers on its k most expensive cables is optimal.
    chosen.sort()
    keep = max(0, len(chosen) - k)
    print(sum(chosen[:keep]))


main()
