# Plausible mistake: handles "strictly increasing" via a_i - i correctly,
# but forgets that re-stamped numbers must stay positive (keeps ledgers with a_i < i).
import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tails = []
    for i in range(1, n + 1):
        b = int(data[i]) - i
        k = bisect_right(tails, b)
        if k == len(tails):
            tails.append(b)
        else:
            tails[k] = b
    print(n - len(tails))


main()
