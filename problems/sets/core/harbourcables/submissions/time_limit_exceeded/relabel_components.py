# Correct but slow: component labels are kept in a plain array and every merge
# relabels by scanning all islands (O(n) per merge, O(n^2) overall).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    label = list(range(n + 1))
    comps = n
    chosen = []
    optional = []
    pos = 3
    for _ in range(m):
        u = int(data[pos]); v = int(data[pos + 1]); c = int(data[pos + 2]); t = data[pos + 3]
        pos += 4
        if t == b'1':
            chosen.append(c)
            a, b = label[u], label[v]
            if a != b:
                for i in range(1, n + 1):
                    if label[i] == a:
                        label[i] = b
                comps -= 1
        else:
            optional.append((c, u, v))
    optional.sort()
    for c, u, v in optional:
        a, b = label[u], label[v]
        if a != b:
            for i in range(1, n + 1):
                if label[i] == a:
                    label[i] = b
            comps -= 1
            chosen.append(c)
    if comps != 1:
        print(-1)
        return
    chosen.sort()
    print(sum(chosen[:max(0, len(chosen) - k)]))


main()
