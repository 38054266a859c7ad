# Plausible mistake: drops the k most expensive cables with chosen[:-k],
# which silently returns an empty list when k == 0 (and is wrong when k >= len).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chosen = []
    optional = []
    comps = n
    pos = 3
    for _ in range(m):
        u = int(data[pos]); v = int(data[pos + 1]); c = int(data[pos + 2]); t = data[pos + 3]
        pos += 4
        if t == b'1':
            chosen.append(c)
            ru, rv = find(u), find(v)
            if ru != rv:
                parent[ru] = rv
                comps -= 1
        else:
            optional.append((c, u, v))
    optional.sort()
    for c, u, v in optional:
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            comps -= 1
            chosen.append(c)
    if comps != 1:
        print(-1)
        return
    chosen.sort()
    print(sum(chosen[:-k]) if k < len(chosen) else 0)


main()
