# Plausible mistake: the cliff top is treated as exclusive (heights 0 .. H-1 only).
MOD = 1_000_000_007


def count_trail_profiles(heights: list[int], max_height: int) -> int:
    n = len(heights)
    top = min(max_height - 1, n // 2)
    if top < 0:
        top = 0
    size = top + 1
    moved = [0] * size
    flat = [0] * size
    if heights[0] in (-1, 0):
        moved[0] = 1
    for i in range(1, n):
        tot = [(a + b) % MOD for a, b in zip(moved, flat)]
        ext = [0] + tot + [0]
        new_moved = [(x + y) % MOD for x, y in zip(ext, ext[2:])]
        new_flat = moved
        rec = heights[i]
        if rec != -1:
            if rec > top:
                return 0
            new_moved = [v if h == rec else 0 for h, v in enumerate(new_moved)]
            new_flat = [v if h == rec else 0 for h, v in enumerate(new_flat)]
        moved, flat = new_moved, new_flat
    return (moved[0] + flat[0]) % MOD
