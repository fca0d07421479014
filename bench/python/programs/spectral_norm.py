"""Spectral norm of the infinite matrix a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
truncated to SIZE x SIZE, by ten rounds of power iteration on A^T A.

Stresses: a small pure function called in a tight double loop (int arithmetic feeding a float
division), float accumulation, list indexing.
Usage: spectral_norm.py [SIZE]   SIZE = matrix order (default 300).
"""
import math
import sys


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v, n):
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * v[j]
        out.append(acc)
    return out


def times_transposed(v, n):
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out.append(acc)
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_transposed(times(u, n), n)
        u = times_transposed(times(v, n), n)
    uv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    print("spectral_norm", n, "%.9f" % math.sqrt(uv / vv))


main()
