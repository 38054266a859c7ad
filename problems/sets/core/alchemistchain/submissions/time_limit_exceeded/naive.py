import sys


def main():
    data = sys.stdin.buffer.read().split()
    MOD = 1_000_000_007
    n = int(data[0]); q = int(data[1])
    A = [0] * n
    B = [0] * n
    pos = 2
    for i in range(n):
        A[i] = int(data[pos]); B[i] = int(data[pos + 1]); pos += 2
    out = []
    for _ in range(q):
        t = data[pos]
        if t == b'1':
            i = int(data[pos + 1]) - 1
            A[i] = int(data[pos + 2]); B[i] = int(data[pos + 3])
        else:
            l = int(data[pos + 1]) - 1; r = int(data[pos + 2]); x = int(data[pos + 3])
            for i in range(l, r):
                x = (A[i] * x + B[i]) % MOD
            out.append(x)
        pos += 4
    sys.stdout.write(''.join(f'{v}\n' for v in out))


main()
