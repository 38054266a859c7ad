#!/usr/bin/env python3
# Output validator (standard problem-package protocol):
#   python3 check.py INPUT_FILE ANSWER_FILE FEEDBACK_DIR < contestant_output
# Exit 42 = accepted, 43 = wrong answer.
# The answer file holds one valid order, or IMPOSSIBLE.
# A contestant order is accepted if it is a permutation of 1..n respecting every rule;
# IMPOSSIBLE is accepted exactly when the answer file says IMPOSSIBLE.
import os
import sys


def verdict(ok, msg, feedback_dir):
    try:
        with open(os.path.join(feedback_dir, "judgemessage.txt"), "a") as f:
            f.write(msg + "\n")
    except Exception:
        pass
    sys.exit(42 if ok else 43)


def main():
    feedback_dir = sys.argv[3] if len(sys.argv) > 3 else "."
    try:
        with open(sys.argv[1]) as f:
            tok = f.read().split()
        n, m = int(tok[0]), int(tok[1])
        edges = [(int(tok[2 + 2 * i]), int(tok[3 + 2 * i])) for i in range(m)]
        with open(sys.argv[2]) as f:
            judge = f.read().split()
        judge_impossible = judge == ["IMPOSSIBLE"]
    except Exception as e:  # broken judge files: never accept
        verdict(False, f"judge error: {e!r}", feedback_dir)
        return
    try:
        raw = sys.stdin.buffer.read(16 * 1024 * 1024 + 1)
        out = raw.decode("ascii").split()
    except Exception:
        verdict(False, "output is not ASCII text", feedback_dir)
        return
    if len(out) == 1 and out[0] == "IMPOSSIBLE":
        if judge_impossible:
            verdict(True, "correctly reported IMPOSSIBLE", feedback_dir)
        verdict(False, "reported IMPOSSIBLE but a valid order exists", feedback_dir)
    if len(out) != n:
        verdict(False, f"expected {n} task numbers, got {len(out)} tokens", feedback_dir)
    pos = [-1] * (n + 1)
    for i, t in enumerate(out):
        if not t.isdigit() or len(t) > 7:
            verdict(False, f"token {i + 1} is not a task number", feedback_dir)
        v = int(t)
        if not 1 <= v <= n:
            verdict(False, f"task {v} out of range", feedback_dir)
        if pos[v] != -1:
            verdict(False, f"task {v} listed twice", feedback_dir)
        pos[v] = i
    for u, v in edges:
        if pos[u] > pos[v]:
            verdict(False, f"rule violated: {u} must come before {v}", feedback_dir)
    if judge_impossible:
        verdict(True, "valid order although the judge answer says IMPOSSIBLE (judge answer wrong?)", feedback_dir)
    verdict(True, "valid order", feedback_dir)


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as e:
        try:
            verdict(False, f"checker caught {e!r}", sys.argv[3] if len(sys.argv) > 3 else ".")
        except SystemExit:
            raise
        sys.exit(43)
