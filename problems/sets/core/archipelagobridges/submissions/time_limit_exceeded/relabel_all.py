# Correct but slow: every island stores a group label; a new bridge relabels the whole
# archipelago by scanning all n islands, O(n) per bridge.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    label = list(range(n + 1))
    count = [1] * (n + 1)
    groups = n
    out = []
    p = 2
    for _ in range(q):
        op = data[p]
        if op == b'B':
            a, b = label[int(data[p + 1])], label[int(data[p + 2])]
            p += 3
            if a != b:
                for i in range(1, n + 1):
                    if label[i] == b:
                        label[i] = a
                count[a] += count[b]
                groups -= 1
        elif op == b'Q':
            out.append("YES" if label[int(data[p + 1])] == label[int(data[p + 2])] else "NO")
            p += 3
        elif op == b'S':
            out.append(str(count[label[int(data[p + 1])]]))
            p += 2
        else:
            out.append(str(groups))
            p += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
