# Wrong: the running maximum starts at 0, so a day where every reading is
# below the datum reports a highest reading of 0.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    hi = 0
    lo = 10**9
    for tok in data[1:1 + n]:
        x = int(tok)
        if x > hi:
            hi = x
        if x < lo:
            lo = x
    print(hi, lo, hi - lo)


main()
