MOD = 1_000_000_007


def count_trail_profiles(heights: list[int], max_height: int) -> int:
    n = len(heights)
    # heights above n // 2 can never come back down to 0 in time
    top = min(max_height, n // 2)
    size = top + 1
    # moved[h]: profiles ending at height h whose last step was a climb/descent (or the start)
    # flat[h]:  profiles ending at height h whose last step was level
    moved = [0] * size
    flat = [0] * size
    if heights[0] in (-1, 0):
        moved[0] = 1
    zero = [0]
    for i in range(1, n):
        tot = [(a + b) % MOD for a, b in zip(moved, flat)]
        ext = zero + tot + zero          # ext[h + 1] = tot[h], padded on both sides
        new_moved = [(x + y) % MOD for x, y in zip(ext, ext[2:])]   # from h - 1 and h + 1
        new_flat = moved                 # level step allowed only after a non-level one
        rec = heights[i]
        if rec != -1:
            if rec > top:
                return 0
            keep_m = new_moved[rec]
            keep_f = new_flat[rec]
            new_moved = [0] * size
            new_flat = [0] * size
            new_moved[rec] = keep_m
            new_flat[rec] = keep_f
        moved, flat = new_moved, new_flat
    return (moved[0] + flat[0]) % MOD
