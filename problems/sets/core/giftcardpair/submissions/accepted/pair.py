import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, V = int(data[0]), int(data[1])
    seen = {}  # price -> index of an earlier item with that price
    for i in range(n):
        x = int(data[2 + i])
        j = seen.get(V - x)
        if j is not None:
            print(j + 1, i + 1)
            return
        if x not in seen:
            seen[x] = i
    print(-1)


main()
