# Wrong: does not check whether the two islands are already connected before merging,
# so a redundant bridge doubles the group size and lowers the group count.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)
    groups = n

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    out = []
    p = 2
    for _ in range(q):
        op = data[p]
        if op == b'B':
            a, b = find(int(data[p + 1])), find(int(data[p + 2]))
            p += 3
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
            groups -= 1
        elif op == b'Q':
            a, b = find(int(data[p + 1])), find(int(data[p + 2]))
            p += 3
            out.append("YES" if a == b else "NO")
        elif op == b'S':
            out.append(str(size[find(int(data[p + 1]))]))
            p += 2
        else:
            out.append(str(groups))
            p += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
