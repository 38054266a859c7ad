# Correct greedy, implemented naively: each step scans all parcels to find the
# uncollected one with the earliest deadline, then scans all parcels again to
# mark the collected ones. O(n * answer), i.e. O(n^2) in the worst case.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    L = [int(data[1 + 2 * i]) for i in range(n)]
    R = [int(data[2 + 2 * i]) for i in range(n)]
    done = [False] * n
    left = n
    visits = 0
    while left > 0:
        best = -1
        for i in range(n):
            if not done[i] and (best < 0 or R[i] < R[best]):
                best = i
        x = R[best]
        visits += 1
        for i in range(n):
            if not done[i] and L[i] <= x <= R[i]:
                done[i] = True
                left -= 1
    print(visits)


main()
