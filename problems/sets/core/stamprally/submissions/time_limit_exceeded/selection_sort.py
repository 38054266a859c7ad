# Correct but naive: hand-written selection sort, O(n^2) comparisons.
import sys


def better(a, b):
    if a[1] != b[1]:
        return a[1] > b[1]
    if a[2] != b[2]:
        return a[2] < b[2]
    return a[0] < b[0]


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    rows = []
    for i in range(n):
        rows.append((data[1 + 3 * i].decode(), int(data[2 + 3 * i]), int(data[3 + 3 * i])))
    for i in range(n):
        best = i
        for j in range(i + 1, n):
            if better(rows[j], rows[best]):
                best = j
        rows[i], rows[best] = rows[best], rows[i]
    sys.stdout.write("\n".join(r[0] for r in rows) + "\n")


main()
