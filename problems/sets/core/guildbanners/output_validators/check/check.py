#!/usr/bin/env python3
"""Output validator for guildbanners.

Usage: check.py INPUT_FILE ANSWER_FILE FEEDBACK_DIR < contestant_output
Exit 42 = accepted, 43 = wrong answer. A reason is written to FEEDBACK_DIR/judgemessage.txt.
The answer file holds one correct output; only its first token (YES / NO) is used.
"""
import os
import sys


def verdict(ok, msg, feedback_dir):
    try:
        with open(os.path.join(feedback_dir, 'judgemessage.txt'), 'w') as f:
            f.write(msg + '\n')
    except OSError:
        pass
    sys.exit(42 if ok else 43)


def main():
    if len(sys.argv) < 4:
        sys.stderr.write('usage: check.py input answer feedback_dir\n')
        sys.exit(43)
    inp, ans, fb = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        data = open(inp, 'rb').read().split()
        n, m = int(data[0]), int(data[1])
        rules = [(int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])) for i in range(m)]
        judge = open(ans, 'rb').read().split()[0].decode()
    except Exception as e:  # broken judge files: reject, but say why
        verdict(False, f'judge data could not be read: {e}', fb)
        return
    try:
        raw = sys.stdin.buffer.read(10 ** 7)
        out = raw.decode('ascii').split()
    except Exception:
        verdict(False, 'output is not ASCII text', fb)
        return
    if not out:
        verdict(False, 'empty output', fb)
    if out[0] == 'NO':
        if len(out) != 1:
            verdict(False, 'extra tokens after NO', fb)
        if judge == 'NO':
            verdict(True, 'correctly reported NO', fb)
        verdict(False, 'reported NO but a valid colouring exists', fb)
    if out[0] != 'YES':
        verdict(False, f'first token must be YES or NO, got {out[0][:20]!r}', fb)
    if len(out) != 2:
        verdict(False, f'expected YES and one colour string, got {len(out)} tokens', fb)
    s = out[1]
    if len(s) != n:
        verdict(False, f'colour string has length {len(s)}, expected {n}', fb)
    if any(ch not in 'RB' for ch in s):
        verdict(False, 'colour string may only contain R and B', fb)
    for idx, (u, v, t) in enumerate(rules):
        differ = s[u - 1] != s[v - 1]
        if differ != (t == 1):
            verdict(False, f'rule {idx + 1} ({u} {v} {t}) is violated', fb)
    if judge == 'NO':
        verdict(True, 'valid colouring although the judge answer says NO (judge answer is wrong!)', fb)
    verdict(True, 'valid colouring', fb)


main()
