import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    hi = max(h)
    lo = min(h)
    print(hi, lo, hi - lo)


main()
