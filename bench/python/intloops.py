#!/usr/bin/env python3
"""Nanoseconds per iteration of int-only loops (best of REPEATS runs of N iterations): two plain
counting loops and the kernels of programs/while_loop.py (an LCG with & % >> and `if state & 1:`)
and programs/int_sum.py (* % ^ >> & over a range).

Usage: python3.12 bench/python/intloops.py [N] [REPEATS]
       PYJIT_COMPILE=1 PYJIT_THRESHOLD=1 bin/pyjit bench/python/intloops.py [N] [REPEATS]
Under pyjit all four loops run as int loops (unboxed i64, docs/pyjit-jit.md §12). Wall time with
time.perf_counter: take the best of several invocations on a shared machine.
"""
import sys
import time


def while_loop(n):
    i = 0
    t = 0
    while i < n:
        t += i
        i += 1
    return t


def range_loop(n):
    t = 0
    for i in range(n):
        t += i
    return t


def lcg(n):
    state = 2024
    acc = 0
    i = 0
    while i < n:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        if state & 1:
            acc += state % 1000 - 500
        else:
            acc -= (state >> 7) % 300
        i += 1
    return acc


def mixed_sum(n):
    total = 0
    for i in range(n):
        x = i + 7
        total += (x * x) % 7 + (x ^ (x >> 3)) - (i & 15)
    return total


def best(fn, n, repeats):
    fn(10)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return min(times)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
for name, fn in (("while i < n: t += i; i += 1", while_loop), ("for i in range(n): t += i", range_loop),
                 ("while_loop.py kernel (LCG)", lcg), ("int_sum.py kernel", mixed_sum)):
    print(f"{name:32} {best(fn, n, repeats) / n * 1e9:7.2f} ns/iteration")
