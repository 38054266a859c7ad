# Wrong: forgets the third rule; a stable sort keeps participants with equal
# stamps and equal time in input order instead of alphabetical order.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    rows = []
    for i in range(n):
        name = data[1 + 3 * i].decode()
        k = int(data[2 + 3 * i])
        t = int(data[3 + 3 * i])
        rows.append((name, k, t))
    rows.sort(key=lambda r: (-r[1], r[2]))
    sys.stdout.write("\n".join(r[0] for r in rows) + "\n")


main()
