# Wrong: assumes the best block always has exactly L days and only checks those windows.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, L = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    b = list(map(int, data[2 + n:2 + 2 * n]))
    sa, sb = sum(a[:L]), sum(b[:L])
    best = sa / sb
    for j in range(L, n):
        sa += a[j] - a[j - L]
        sb += b[j] - b[j - L]
        best = max(best, sa / sb)
    print(f"{best:.9f}")


main()
