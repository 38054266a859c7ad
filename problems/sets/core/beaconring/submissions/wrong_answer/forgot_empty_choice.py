# Wrong: applies n / k * C(n - k*d - 1, k - 1) everywhere and treats C(x, -1) as 0,
# so it answers 0 instead of 1 when k = 0 (lighting no tower is one valid choice).
import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    qs = [(int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])) for i in range(q)]
    top = max(n for n, _, _ in qs)
    fact = [1] * (top + 1)
    for i in range(1, top + 1):
        fact[i] = fact[i - 1] * i % MOD
    inv_fact = [1] * (top + 1)
    inv_fact[top] = pow(fact[top], MOD - 2, MOD)
    for i in range(top, 0, -1):
        inv_fact[i - 1] = inv_fact[i] * i % MOD

    def comb(a, b):
        if b < 0 or a < b:
            return 0
        return fact[a] * inv_fact[b] % MOD * inv_fact[a - b] % MOD

    out = []
    for n, k, d in qs:
        out.append(n * pow(k, MOD - 2, MOD) % MOD * comb(n - k * d - 1, k - 1) % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
