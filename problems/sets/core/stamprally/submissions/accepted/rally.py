import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    rows = []
    for i in range(n):
        name = data[1 + 3 * i].decode()
        k = int(data[2 + 3 * i])
        t = int(data[3 + 3 * i])
        rows.append((-k, t, name))
    rows.sort()
    sys.stdout.write("\n".join(r[2] for r in rows) + "\n")


main()
