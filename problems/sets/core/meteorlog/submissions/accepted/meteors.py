import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    pre = [0] + list(accumulate(map(int, data[2:2 + n])))
    qs = list(map(int, data[2 + n:2 + n + 2 * q]))
    out = []
    for j in range(0, 2 * q, 2):
        a, b = qs[j], qs[j + 1]
        if a > b:
            a, b = b, a
        out.append(pre[b] - pre[a - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
