# Correct but exponential: walks through every profile one step at a time.
import sys

MOD = 1_000_000_007


def count_trail_profiles(heights: list[int], max_height: int) -> int:
    n = len(heights)
    sys.setrecursionlimit(10000)
    if heights[0] not in (-1, 0):
        return 0

    def go(i, h, was_flat):
        if i == n - 1:
            return 1 if h == 0 else 0
        total = 0
        for d in (-1, 0, 1):
            if d == 0 and was_flat:
                continue
            g = h + d
            if g < 0 or g > max_height:
                continue
            if heights[i + 1] != -1 and heights[i + 1] != g:
                continue
            total += go(i + 1, g, d == 0)
        return total

    return go(0, 0, False) % MOD
