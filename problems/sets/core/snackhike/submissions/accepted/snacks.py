def longest_snack_run(prices: list[int], budget: int) -> int:
    best = 0
    left = 0
    total = 0
    for right, p in enumerate(prices):
        total += p
        while total > budget:
            total -= prices[left]
            left += 1
        if right - left + 1 > best:
            best = right - left + 1
    return best
