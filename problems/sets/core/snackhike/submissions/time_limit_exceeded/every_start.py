# Correct but naive: extends a run from every starting stall until the budget
# is exceeded. O(n * answer), i.e. O(n^2) when long runs are affordable.
def longest_snack_run(prices: list[int], budget: int) -> int:
    n = len(prices)
    best = 0
    for i in range(n):
        total = 0
        j = i
        while j < n and total + prices[j] <= budget:
            total += prices[j]
            j += 1
        if j - i > best:
            best = j - i
    return best
