def count_lookouts(heights: list[int]) -> int:
    n = len(heights)
    count = 0
    for i in range(n):
        h = heights[i]
        if i > 0 and heights[i - 1] >= h:
            continue
        if i + 1 < n and heights[i + 1] >= h:
            continue
        count += 1
    return count
