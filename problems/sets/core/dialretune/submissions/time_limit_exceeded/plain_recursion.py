# Correct but exponential: tries all three choices recursively without memoisation.
import sys

sys.setrecursionlimit(10000)


def retune_cost(source: str, target: str, gap: int) -> int:
    def dial(a, b):
        d = abs(ord(a) - ord(b))
        return min(d, 26 - d)

    def go(i, j):
        # cost of turning source[i:] into target[j:]
        if i == len(source) and j == len(target):
            return 0
        best = float('inf')
        if i < len(source):
            d = 1 if i > 0 and source[i] == source[i - 1] else gap
            best = min(best, d + go(i + 1, j))
        if j < len(target):
            d = 1 if j > 0 and target[j] == target[j - 1] else gap
            best = min(best, d + go(i, j + 1))
        if i < len(source) and j < len(target):
            best = min(best, dial(source[i], target[j]) + go(i + 1, j + 1))
        return best

    return go(0, 0)
