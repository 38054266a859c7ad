def crowded_airtime(broadcasts: list[list[int]], k: int) -> list[list[int]]:
    delta = {}
    for s, e in broadcasts:
        delta[s] = delta.get(s, 0) + 1
        delta[e] = delta.get(e, 0) - 1
    xs = sorted(delta)
    result = []
    on_air = 0
    start = None  # start of the current crowded range, if any
    for x in xs:
        on_air += delta[x]  # all broadcasts starting/ending at x are applied together
        if on_air >= k:
            if start is None:
                start = x
        elif start is not None:
            result.append([start, x])
            start = None
    return result
