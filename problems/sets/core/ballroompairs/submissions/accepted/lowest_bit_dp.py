import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    c = [[int(x) for x in data[1 + n + i * n:1 + n + (i + 1) * n]] for i in range(n)]
    full = (1 << n) - 1
    NEG = None
    dp = [NEG] * (1 << n)
    dp[0] = 0
    # The act containing the lowest-numbered dancer who is still free is decided next,
    # so every split into acts is generated exactly once and few masks are ever reached.
    for mask in range(full):
        v = dp[mask]
        if v is NEG:
            continue
        low = ~mask & (mask + 1)
        i = low.bit_length() - 1
        nm = mask | low
        w = v + a[i]
        if dp[nm] is NEG or dp[nm] < w:
            dp[nm] = w
        ci = c[i]
        rest = [j for j in range(i + 1, n) if not mask >> j & 1]
        for x, j in enumerate(rest):
            m2 = nm | (1 << j)
            w2 = v + ci[j]
            if dp[m2] is NEG or dp[m2] < w2:
                dp[m2] = w2
            cj = c[j]
            for k in rest[x + 1:]:
                m3 = m2 | (1 << k)
                w3 = w2 + ci[k] + cj[k]
                if dp[m3] is NEG or dp[m3] < w3:
                    dp[m3] = w3
    print(dp[full])


main()
