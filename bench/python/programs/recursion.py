"""Deep and wide recursion: Fibonacci, Takeuchi's tak function and Ackermann's function A(2, n).

Stresses: Python-to-Python calls (frame push/pop, argument passing), small-int compare and
arithmetic on the result path; the recursion depth stays well under the default limit.
Usage: recursion.py [SIZE]   SIZE = the Fibonacci argument (default 31); tak and Ackermann scale
with it.
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 31
    f = fib(n)
    t = tak(n - 9, n - 15, n - 21)
    a = 0
    for k in range(n):
        a += ackermann(2, 4 * n + k)
    print("recursion", n, f, t, a)


main()
