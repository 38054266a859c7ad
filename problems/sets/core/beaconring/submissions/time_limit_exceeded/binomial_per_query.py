# Correct but slow: computes each binomial coefficient from scratch with an O(k) product,
# so a batch of large queries costs O(q * n).
import sys

MOD = 10**9 + 7


def comb(a, b):
    num = den = 1
    for i in range(b):
        num = num * (a - i) % MOD
        den = den * (i + 1) % MOD
    return num * pow(den, MOD - 2, MOD) % MOD


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    for i in range(q):
        n, k, d = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        if k == 0:
            out.append(1)
            continue
        a, b = n - k * d - 1, k - 1
        if a < b:
            out.append(0)
            continue
        out.append(n * pow(k, MOD - 2, MOD) % MOD * comb(a, min(b, a - b)) % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
