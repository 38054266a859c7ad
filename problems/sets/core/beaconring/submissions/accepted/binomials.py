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
    out = []
    for n, k, d in qs:
        if k == 0:
            out.append(1)
            continue
        # gaps g_1..g_k >= d summing to n - k, counted with a marked starting tower:
        # n / k * C(n - k*d - 1, k - 1)
        a = n - k * d - 1
        b = k - 1
        if a < b:
            out.append(0)
            continue
        comb = fact[a] * inv_fact[b] % MOD * inv_fact[a - b] % MOD
        inv_k = inv_fact[k] * fact[k - 1] % MOD
        out.append(n % MOD * inv_k % MOD * comb % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
