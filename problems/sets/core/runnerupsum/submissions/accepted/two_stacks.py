import sys


def first_two_beaters(a, strict):
    """For every index i (scanning the list left to right) find the first and second later index j
    whose value beats a[i]: a[j] > a[i] if strict, a[j] >= a[i] otherwise. Missing -> len(a)."""
    n = len(a)
    r1 = [n] * n
    r2 = [n] * n
    s1 = []   # waiting for their first beater; values non-increasing bottom -> top
    s2 = []   # waiting for their second beater; values non-increasing bottom -> top
    for j in range(n):
        x = a[j]
        if strict:
            while s2 and a[s2[-1]] < x:
                r2[s2.pop()] = j
            k = len(s1)
            while k and a[s1[k - 1]] < x:
                k -= 1
        else:
            while s2 and a[s2[-1]] <= x:
                r2[s2.pop()] = j
            k = len(s1)
            while k and a[s1[k - 1]] <= x:
                k -= 1
        moved = s1[k:]
        del s1[k:]
        for i in moved:
            r1[i] = j
        s2.extend(moved)
        s1.append(j)
    return r1, r2


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:n + 1]]
    # Total order: higher value wins, and between equal values the western (left) one wins.
    # Then every walk has a unique runner-up summit, whose height is the runner-up height.
    # To the right of i, j beats i iff a[j] > a[i]; to the left iff a[j] >= a[i].
    R1, R2 = first_two_beaters(a, True)
    ra = a[::-1]
    l1r, l2r = first_two_beaters(ra, False)
    total = 0
    for i in range(n):
        ri = n - 1 - i
        L1 = n - 1 - l1r[ri]   # becomes -1 when missing
        L2 = n - 1 - l2r[ri]
        r1 = R1[i]; r2 = R2[i]
        # exactly one beater inside [l, r]: either L1 (and no R1) or R1 (and no L1)
        cnt = (L1 - L2) * (r1 - i) + (i - L1) * (r2 - r1)
        total += cnt * a[i]
    print(total)


main()
