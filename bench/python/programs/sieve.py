"""Sieve of Eratosthenes, twice: once with an explicit inner while loop over a list of flags, once
with slice assignment on a bytearray; then prime gaps and a checksum over the primes found.

Stresses: list item stores and loads in a tight int loop, bytearray slicing, enumerate.
Usage: sieve.py [SIZE]   SIZE = the sieve limit (default 3000000).
"""
import sys


def sieve_loop(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= limit:
        if flags[p]:
            m = p * p
            while m <= limit:
                flags[m] = False
                m += p
        p += 1
    return flags


def sieve_slices(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    for p in range(2, int(limit ** 0.5) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, limit + 1, p)))
    return flags


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    a = sieve_loop(limit)
    b = sieve_slices(limit)
    primes = [i for i, f in enumerate(a) if f]
    agree = all(bool(x) == y for x, y in zip(b, a))
    widest = 0
    checksum = 0
    for i in range(1, len(primes)):
        gap = primes[i] - primes[i - 1]
        if gap > widest:
            widest = gap
        checksum = (checksum * 3 + primes[i]) % 1000000007
    print("sieve", limit, len(primes), widest, checksum, agree)


main()
