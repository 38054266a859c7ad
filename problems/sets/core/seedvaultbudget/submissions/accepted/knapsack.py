import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, P = int(data[0]), int(data[1])
    INF = 1 << 62
    # dp[j] = cheapest cost of a set of packets giving at least j sprouts
    dp = [0] + [INF] * P
    for i in range(n):
        c, g = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        if g >= P:
            b = dp[0] + c
            dp = [a if a < b else b for a in dp]
        else:
            base = dp[0] + c
            shifted = [base] * g + [x + c for x in dp[:P + 1 - g]]
            dp = [a if a < b else b for a, b in zip(dp, shifted)]
    print(dp[P] if dp[P] < INF else -1)


main()
