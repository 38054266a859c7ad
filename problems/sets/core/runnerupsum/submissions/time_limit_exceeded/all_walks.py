# Correct but quadratic: extends every walk eastwards while tracking the two tallest summits.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:n + 1]]
    total = 0
    for l in range(n):
        top1 = a[l]
        top2 = 0
        for r in range(l + 1, n):
            x = a[r]
            if x > top1:
                top1, top2 = x, top1
            elif x > top2:
                top2 = x
            total += top2
    print(total)


main()
