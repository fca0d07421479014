"""A while loop with integer arithmetic and a data-dependent branch (a linear congruential
generator folded into an accumulator), called many times.

Stresses: compare-and-branch, masking, multiply, and add on locals only; no calls inside the loop
and nothing but locals, constants and int operators in the kernel (pyjit's first compiler tier).
Usage: while_loop.py [SIZE]   SIZE = number of calls of the 750-step kernel (default 3000; well
past pyjit's default threshold of 1000 calls, so the kernel's later calls can run compiled).
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
    return acc


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    state = 2024
    checksum = 0
    for _ in range(calls):
        acc = kernel(state, 750)
        state = (state * 69069 + acc) & 0x7FFFFFFF
        checksum = (checksum ^ (acc & 0xFFFFFFFF)) * 7 % 4294967311
    print("while_loop", calls, checksum, state)


main()
