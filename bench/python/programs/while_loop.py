"""A while loop with integer arithmetic and a data-dependent branch (a linear congruential
generator folded into an accumulator), called many times.

Stresses: compare-and-branch, masking, multiply, and add on locals only; no calls inside the loop.
Usage: while_loop.py [SIZE]   SIZE = number of calls of the 5,000-step kernel (default 450).
"""
import sys


def kernel(state, steps):
    acc = 0
    i = 0
    while i < steps:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        if state & 1:
            acc += state % 1000 - 500
        else:
            acc -= (state >> 7) % 300
        i += 1
    return acc, state


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 450
    state = 2024
    checksum = 0
    for _ in range(calls):
        acc, state = kernel(state, 5000)
        checksum = (checksum ^ (acc & 0xFFFFFFFF)) * 7 % 4294967311
    print("while_loop", calls, checksum, state)


main()
