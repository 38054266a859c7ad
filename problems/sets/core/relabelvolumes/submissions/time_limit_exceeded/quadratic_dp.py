import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    best = 0
    dp = [0] * n
    for j in range(n):
        if a[j] < j + 1:
            continue
        cur = 1
        for i in range(j):
            if dp[i] and a[j] - a[i] >= j - i and dp[i] + 1 > cur:
                cur = dp[i] + 1
        dp[j] = cur
        best = max(best, cur)
    print(n - best)


main()
