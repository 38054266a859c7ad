#!/usr/bin/env python3
"""python3 gen.py SEED [MODE] -> one test for chantrotations (deterministic in its arguments).

MODE (default random):
  small     |P| <= 6, |T| <= 40, alphabet {a,b,c}
  random    |P| = 2000, |T| = 100000, binary alphabet, planted rotations with mutations
  allsame   P = a^100000, T = a^500000
  periodic  P = u^k (|u| = 7, |P| = 99995), T made of long runs of u with rare mutations
  anagram   |P| = 1000, T made of random shuffles of P plus some true rotations
  equal     |P| = |T| = 100000, T is a rotation of P
  alpha     |P| = 100000, |T| = 500000, 26 letters, a few planted rotations
  nearmiss  |P| = 100000, |T| = 500000, T = rotations of P with one letter changed in most copies
  max       |P| = 100000, |T| = 500000, binary, rotations of P glued with random junk

Secret tests:
  01-min.in        handwritten: P = a, T = a                   (answer 1)
  02-longer.in     handwritten: P = abcde, T = abc             (answer 0)
  03-small.in      python3 gen.py 3 small
  04-small.in      python3 gen.py 4 small
  05-random.in     python3 gen.py 5 random
  06-allsame.in    python3 gen.py 6 allsame
  07-periodic.in   python3 gen.py 7 periodic
  08-anagram.in    python3 gen.py 8 anagram
  09-equal.in      python3 gen.py 9 equal
  10-alpha.in      python3 gen.py 10 alpha
  11-nearmiss.in   python3 gen.py 11 nearmiss
  12-max.in        python3 gen.py 12 max
"""
import random
import sys


def main():
    seed = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else 'random'
    rng = random.Random(seed * 4242 + sum(map(ord, mode)))

    def rs(n, al):
        return ''.join(rng.choice(al) for _ in range(n))

    def rot(p):
        j = rng.randrange(len(p))
        return p[j:] + p[:j]

    def mutate(s, al):
        j = rng.randrange(len(s))
        c = rng.choice([x for x in al if x != s[j]])
        return s[:j] + c + s[j + 1:]

    if mode == 'small':
        P = rs(rng.randint(1, 6), 'abc')
        T = ''
        while len(T) < 40:
            T += rot(P) if rng.random() < 0.5 else rs(rng.randint(1, 4), 'abc')
        T = T[:rng.randint(1, 40)]
    elif mode == 'random':
        P = rs(2000, 'ab')
        T = ''
        while len(T) < 100000:
            r = rot(P)
            T += r if rng.random() < 0.6 else mutate(r, 'ab')
            T += rs(rng.randint(0, 30), 'ab')
        T = T[:100000]
    elif mode == 'allsame':
        P = 'a' * 100000
        T = 'a' * 500000
    elif mode == 'periodic':
        u = 'abaabba'
        P = u * (100000 // 7)
        T = ''
        while len(T) < 500000:
            block = u * rng.randint(1000, 40000)
            if rng.random() < 0.7:
                block = mutate(block, 'ab')
            T += block
        T = T[:500000]
    elif mode == 'anagram':
        P = rs(1000, 'abc')
        T = ''
        while len(T) < 500000:
            if rng.random() < 0.3:
                T += rot(P)
            else:
                lst = list(P)
                rng.shuffle(lst)
                T += ''.join(lst)
        T = T[:500000]
    elif mode == 'equal':
        P = rs(100000, 'abcd')
        T = rot(P)
    elif mode == 'alpha':
        al = 'abcdefghijklmnopqrstuvwxyz'
        P = rs(100000, al)
        T = rs(60000, al)
        for _ in range(4):
            T += rot(P) + rs(rng.randint(1, 5000), al)
        T += rs(500000 - len(T), al)
        T = T[:500000]
    elif mode == 'nearmiss':
        P = rs(100000, 'ab')
        T = ''
        while len(T) < 500000:
            r = rot(P)
            T += mutate(r, 'ab') if rng.random() < 0.8 else r
        T = T[:500000]
    elif mode == 'max':
        P = rs(100000, 'ab')
        T = ''
        while len(T) < 500000:
            r = rot(P)
            T += r if rng.random() < 0.7 else mutate(r, 'ab')
            T += rs(rng.randint(0, 3), 'ab')
        T = T[:500000]
    else:
        raise SystemExit('unknown mode')
    sys.stdout.write(P + '\n' + T + '\n')


main()
