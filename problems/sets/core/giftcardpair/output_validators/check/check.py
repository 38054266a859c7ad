#!/usr/bin/env python3
"""Output validator for 'Gift Card Pair'.

Usage: check.py INPUT_FILE ANSWER_FILE FEEDBACK_DIR < contestant_output
Exit 42 = accepted, 43 = wrong answer. The answer file holds one valid pair or -1.
"""
import os
import re
import sys

INDEX_RE = re.compile(r"^[1-9][0-9]{0,6}$")


def judge(msg, ok):
    try:
        with open(os.path.join(sys.argv[3], "judgemessage.txt"), "a") as f:
            f.write(msg + "\n")
    except Exception:
        pass
    sys.exit(42 if ok else 43)


def main():
    with open(sys.argv[1]) as f:
        inp = f.read().split()
    n, V = int(inp[0]), int(inp[1])
    p = [int(x) for x in inp[2:2 + n]]
    with open(sys.argv[2]) as f:
        ans = f.read().split()
    judge_possible = ans != ["-1"]

    raw = sys.stdin.buffer.read(10**6 + 1)
    if len(raw) > 10**6:
        judge("output too long", False)
    toks = raw.decode("ascii", errors="replace").split()
    if not toks:
        judge("empty output", False)
    if toks == ["-1"]:
        if judge_possible:
            judge("contestant printed -1 but a suitable pair exists", False)
        judge("correctly reported that no pair exists", True)
    if len(toks) != 2:
        judge(f"expected two indices or -1, got {len(toks)} tokens", False)
    if not (INDEX_RE.fullmatch(toks[0]) and INDEX_RE.fullmatch(toks[1])):
        judge("indices must be positive integers", False)
    i, j = int(toks[0]), int(toks[1])
    if not (1 <= i <= n and 1 <= j <= n):
        judge(f"index out of range: {i} {j}", False)
    if i == j:
        judge(f"the two items must be different, got {i} twice", False)
    if p[i - 1] + p[j - 1] != V:
        judge(f"p_{i} + p_{j} = {p[i - 1] + p[j - 1]} != {V}", False)
    if not judge_possible:
        judge("contestant found a valid pair although the judge answer is -1 (judge error?)", True)
    judge("valid pair", True)


try:
    main()
except SystemExit:
    raise
except Exception as e:  # never crash: any unexpected problem is a rejection
    try:
        judge(f"checker could not process the output: {type(e).__name__}", False)
    except SystemExit:
        raise
    sys.exit(43)
