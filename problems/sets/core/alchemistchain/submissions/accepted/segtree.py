import sys


def main():
    data = sys.stdin.buffer.read().split()
    MOD = 1_000_000_007
    n = int(data[0]); q = int(data[1])
    size = 1
    while size < n:
        size *= 2
    # node p stores the map x -> A[p]*x + B[p] for its whole segment (left to right)
    A = [1] * (2 * size)
    B = [0] * (2 * size)
    pos = 2
    for i in range(n):
        A[size + i] = int(data[pos]); B[size + i] = int(data[pos + 1])
        pos += 2
    for p in range(size - 1, 0, -1):
        l = 2 * p; r = l + 1
        A[p] = A[r] * A[l] % MOD
        B[p] = (A[r] * B[l] + B[r]) % MOD
    out = []
    for _ in range(q):
        if data[pos] == b'1':
            p = size + int(data[pos + 1]) - 1
            A[p] = int(data[pos + 2]); B[p] = int(data[pos + 3])
            pos += 4
            p >>= 1
            while p:
                l = 2 * p; r = l + 1
                A[p] = A[r] * A[l] % MOD
                B[p] = (A[r] * B[l] + B[r]) % MOD
                p >>= 1
        else:
            lo = int(data[pos + 1]) - 1 + size
            hi = int(data[pos + 2]) + size
            x = int(data[pos + 3])
            pos += 4
            right = []
            while lo < hi:
                if lo & 1:
                    x = (A[lo] * x + B[lo]) % MOD
                    lo += 1
                if hi & 1:
                    hi -= 1
                    right.append(hi)
                lo >>= 1; hi >>= 1
            for p in reversed(right):
                x = (A[p] * x + B[p]) % MOD
            out.append(x)
    sys.stdout.write('\n'.join(map(str, out)) + ('\n' if out else ''))


main()
