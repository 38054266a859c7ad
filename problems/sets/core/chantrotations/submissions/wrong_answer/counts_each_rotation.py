# Plausible mistake: counts (position, rotation) pairs instead of positions.
# Correct whenever all rotations of P are different, wrong for periodic motifs.
import random
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    P = data[0]
    T = data[1]
    m, n = len(P), len(T)
    if m > n:
        print(0)
        return
    MOD = (1 << 61) - 1
    B = random.randrange(10 ** 6, MOD - 1)
    pw = pow(B, m, MOD)
    PP = P + P
    h = 0
    for c in P:
        h = (h * B + c) % MOD
    rot = Counter([h])
    for k in range(m - 1):
        h = (h * B - PP[k] * pw + PP[k + m]) % MOD
        rot[h] += 1
    h = 0
    for c in T[:m]:
        h = (h * B + c) % MOD
    count = rot.get(h, 0)
    for i in range(n - m):
        h = (h * B - T[i] * pw + T[i + m]) % MOD
        count += rot.get(h, 0)
    print(count)


main()
