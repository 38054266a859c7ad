# Correct but naive: checks every second from 1 to T.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    for j in range(q):
        a = int(data[1 + 3 * j])
        b = int(data[2 + 3 * j])
        T = int(data[3 + 3 * j])
        cnt = 0
        for t in range(1, T + 1):
            if t % a == 0 or t % b == 0:
                cnt += 1
        out.append(cnt)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
