import sys
from math import gcd


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    for j in range(q):
        a = int(data[1 + 3 * j])
        b = int(data[2 + 3 * j])
        T = int(data[3 + 3 * j])
        l = a // gcd(a, b) * b
        out.append(T // a + T // b - T // l)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
