# Wrong: builds the price table first and then looks up V - p_i, without
# checking that the partner is a different item. When p_i = V / 2 and that
# price occurs only once, it pairs the item with itself.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, V = int(data[0]), int(data[1])
    p = [int(x) for x in data[2:2 + n]]
    where = {}
    for i, x in enumerate(p):
        where[x] = i
    for i, x in enumerate(p):
        if V - x in where:
            print(i + 1, where[V - x] + 1)
            return
    print(-1)


main()
