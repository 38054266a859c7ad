# Wrong greedy: processes parcels by ready time and visits at the deadline of
# the first uncollected parcel, then assumes every parcel that is ready by
# then is collected -- ignoring parcels whose deadline has already passed.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    windows = sorted(zip(vals[0::2], vals[1::2]))  # (l, r)
    visits = 0
    last = -1
    for l, r in windows:
        if l > last:
            visits += 1
            last = r
    print(visits)


main()
