# Wrong: only looks at posts that have two neighbours, so it never counts
# the first or the last post (and returns 0 for a one-post trail).
def count_lookouts(heights: list[int]) -> int:
    count = 0
    for i in range(1, len(heights) - 1):
        if heights[i] > heights[i - 1] and heights[i] > heights[i + 1]:
            count += 1
    return count
