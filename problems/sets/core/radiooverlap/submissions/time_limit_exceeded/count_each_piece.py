# Correct but quadratic: for every elementary piece between consecutive interesting moments,
# counts the broadcasts covering it by scanning all of them.
def crowded_airtime(broadcasts: list[list[int]], k: int) -> list[list[int]]:
    xs = sorted({x for b in broadcasts for x in b})
    result = []
    for a, b in zip(xs, xs[1:]):
        cnt = 0
        for s, e in broadcasts:
            if s <= a and b <= e:
                cnt += 1
        if cnt >= k:
            if result and result[-1][1] == a:
                result[-1][1] = b
            else:
                result.append([a, b])
    return result
