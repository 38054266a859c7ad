# Wrong: measures the wheel distance as |a - b|, forgetting that the wheel wraps around
# (z is right next to a).
def retune_cost(source: str, target: str, gap: int) -> int:
    n, m = len(source), len(target)
    s = [ord(ch) - 97 for ch in source]
    t = [ord(ch) - 97 for ch in target]
    # cost of removing source[i] / stamping target[j]
    dele = [1 if i > 0 and s[i] == s[i - 1] else gap for i in range(n)]
    ins = [1 if j > 0 and t[j] == t[j - 1] else gap for j in range(m)]
    # turn[a][j] = cost of turning letter a into target[j]
    turn = [[abs(a - b) for b in t] for a in range(26)]
    # prev[j] = best cost for source[:i] -> target[:j]
    prev = [0] * (m + 1)
    for j in range(m):
        prev[j + 1] = prev[j] + ins[j]
    for i in range(n):
        di = dele[i]
        left = prev[0] + di
        cur = [left]
        append = cur.append
        for diag, up, tc, ic in zip(prev, prev[1:], turn[s[i]], ins):
            best = diag + tc
            x = up + di
            if x < best:
                best = x
            x = left + ic
            if x < best:
                best = x
            append(best)
            left = best
        prev = cur
    return prev[m]
