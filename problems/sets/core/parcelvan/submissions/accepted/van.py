import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    windows = sorted(zip(vals[1::2], vals[0::2]))  # (r, l), by deadline
    visits = 0
    last = -1  # minute of the latest visit so far
    for r, l in windows:
        if l > last:
            # not collected yet: visit as late as this parcel allows
            visits += 1
            last = r
    print(visits)


main()
