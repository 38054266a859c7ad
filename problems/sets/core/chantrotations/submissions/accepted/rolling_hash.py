import random
import sys


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
    # hashes of all m rotations = windows of length m in P + P
    PP = P + P
    h = 0
    for c in P:
        h = (h * B + c) % MOD
    rot = {h}
    for k in range(m - 1):
        h = (h * B - PP[k] * pw + PP[k + m]) % MOD
        rot.add(h)
    h = 0
    for c in T[:m]:
        h = (h * B + c) % MOD
    count = 1 if h in rot else 0
    for i in range(n - m):
        h = (h * B - T[i] * pw + T[i + m]) % MOD
        if h in rot:
            count += 1
    print(count)


main()
