# Wrong: shrinks the window while the total is >= budget, so a run that costs
# exactly the budget is never accepted.
def longest_snack_run(prices: list[int], budget: int) -> int:
    best = 0
    left = 0
    total = 0
    for right, p in enumerate(prices):
        total += p
        while left <= right and total >= budget:
            total -= prices[left]
            left += 1
        best = max(best, right - left + 1)
    return best
