import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    # ledger i (1-based) can keep its number only if a_i >= i, and two kept ledgers i < j
    # need a_j - a_i >= j - i, i.e. b_i = a_i - i must be non-decreasing and non-negative.
    tails = []
    for i in range(1, n + 1):
        b = int(data[i]) - i
        if b < 0:
            continue
        k = bisect_right(tails, b)
        if k == len(tails):
            tails.append(b)
        else:
            tails[k] = b
    print(n - len(tails))


main()
