# Correct but slow: every window is sliced and searched for in P+P (O(n*m)).
import sys


def main():
    data = sys.stdin.read().split()
    P, T = data[0], data[1]
    m, n = len(P), len(T)
    PP = P + P
    print(sum(1 for i in range(n - m + 1) if T[i:i + m] in PP))


main()
