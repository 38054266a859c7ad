#!/usr/bin/env python3
# Usage: python3 gen.py SEED [MODE]   (deterministic in its arguments)
# The samples in data/sample are handwritten.
# Secret tests were created with:
# 01-min.in: python3 gen.py 1 min
# 02-single-island.in: python3 gen.py 2 single
# 03-small-random.in: python3 gen.py 3 small
# 04-small-random.in: python3 gen.py 4 small
# 05-no-bridges.in: python3 gen.py 5 nobridges
# 06-redundant-bridges.in: python3 gen.py 6 redundant
# 07-long-chain.in: python3 gen.py 7 chain
# 08-star.in: python3 gen.py 8 star
# 09-all-joined.in: python3 gen.py 9 alljoined
# 10-max-random.in: python3 gen.py 10 random
# 11-max-bridge-heavy.in: python3 gen.py 11 bridgeheavy
# 12-max-two-halves.in: python3 gen.py 12 halves
import random
import sys

MAXN, MAXQ = 10**5, 5 * 10**4


def query(rnd, n, pick=None):
    pick = pick or (lambda: rnd.randint(1, n))
    k = rnd.randint(0, 9)
    if k < 5:
        return f"Q {pick()} {pick()}"
    if k < 9:
        return f"S {pick()}"
    return "C"


def bridge(rnd, n, pick=None):
    pick = pick or (lambda: rnd.randint(1, n))
    while True:
        a, b = pick(), pick()
        if a != b:
            return f"B {a} {b}"


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "random"
    rnd = random.Random(seed)
    ops = []
    if mode == "min":
        n, ops = 1, ["C"]
    elif mode == "single":
        n, ops = 1, ["S 1", "Q 1 1", "C"]
    elif mode == "small":
        n = rnd.randint(2, 8)
        for _ in range(rnd.randint(1, 25)):
            ops.append(bridge(rnd, n) if rnd.random() < 0.4 else query(rnd, n))
        if all(o.startswith("B") for o in ops):
            ops.append("C")
    elif mode == "nobridges":
        n = MAXN
        ops = [query(rnd, n) for _ in range(10000)]
    elif mode == "redundant":
        n = 2000
        for _ in range(20000):
            ops.append(bridge(rnd, n, lambda: rnd.randint(1, 40)) if rnd.random() < 0.5 else query(rnd, n, lambda: rnd.randint(1, 60)))
    elif mode == "chain":
        n = MAXN
        order = list(range(1, n + 1))
        rnd.shuffle(order)
        for i in range(n - 1):
            if len(ops) >= MAXQ - 10:
                break
            ops.append(f"B {order[i]} {order[i + 1]}")
            if i % 10 == 0:
                ops.append(f"Q {order[0]} {order[i + 1]}")
        while len(ops) < MAXQ:
            ops.append(query(rnd, n))
    elif mode == "star":
        n = 30000
        centre = rnd.randint(1, n)
        for v in range(1, n + 1):
            if v != centre:
                ops.append(f"B {v} {centre}" if rnd.random() < 0.5 else f"B {centre} {v}")
        rnd.shuffle(ops)
        ops = ops[:15000]
        for _ in range(30000 - len(ops)):
            ops.insert(rnd.randint(0, len(ops)), query(rnd, n))
    elif mode == "alljoined":
        n = 10000
        order = list(range(1, n + 1))
        rnd.shuffle(order)
        for i in range(1, n):
            ops.append(f"B {order[i]} {order[rnd.randrange(i)]}")
        for _ in range(5000):
            ops.append(bridge(rnd, n))
        ops += ["C", f"S {rnd.randint(1, n)}", f"Q {rnd.randint(1, n)} {rnd.randint(1, n)}"]
    elif mode == "random":
        n = MAXN
        for _ in range(MAXQ):
            ops.append(bridge(rnd, n) if rnd.random() < 0.6 else query(rnd, n))
    elif mode == "bridgeheavy":
        n = MAXN
        for _ in range(MAXQ):
            ops.append(bridge(rnd, n) if rnd.random() < 0.9 else query(rnd, n))
    elif mode == "halves":
        n = MAXN
        for _ in range(MAXQ):
            half = rnd.randint(0, 1)
            pick = (lambda: rnd.randint(1, n // 2)) if half == 0 else (lambda: rnd.randint(n // 2 + 1, n))
            ops.append(bridge(rnd, n, pick) if rnd.random() < 0.7 else query(rnd, n))
    else:
        raise SystemExit("unknown mode " + mode)
    sys.stdout.write(f"{n} {len(ops)}\n" + "".join(o + "\n" for o in ops))


main()
