#!/usr/bin/env python3
"""Strict input validator for chantrotations: exit 42 if valid, 43 otherwise."""
import re
import sys

WORD = re.compile(r'[a-z]+\Z')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode('ascii')
    except UnicodeDecodeError:
        fail('non-ascii input')
    if not text.endswith('\n'):
        fail('missing final newline')
    lines = text[:-1].split('\n')
    if len(lines) != 2:
        fail(f'expected 2 lines, got {len(lines)}')
    P, T = lines
    if not WORD.match(P) or not WORD.match(T):
        fail('strings must be non-empty and use only a-z')
    if len(P) > 100000:
        fail('motif too long')
    if len(T) > 500000:
        fail('manuscript too long')
    sys.exit(42)


main()
