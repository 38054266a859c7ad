# Plausible mistake: "beats" is taken as strictly greater on both sides, so walks whose
# two tallest summits are equally high are credited to both of them (or to neither).
import sys


def first_two_greater(a):
    n = len(a)
    r1 = [n] * n
    r2 = [n] * n
    s1 = []
    s2 = []
    for j in range(n):
        x = a[j]
        while s2 and a[s2[-1]] < x:
            r2[s2.pop()] = j
        k = len(s1)
        while k and a[s1[k - 1]] < x:
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
    R1, R2 = first_two_greater(a)
    l1r, l2r = first_two_greater(a[::-1])
    total = 0
    for i in range(n):
        ri = n - 1 - i
        L1 = n - 1 - l1r[ri]
        L2 = n - 1 - l2r[ri]
        total += ((L1 - L2) * (R1[i] - i) + (i - L1) * (R2[i] - R1[i])) * a[i]
    print(total)


main()
