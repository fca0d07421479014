"""Call-heavy workload for the entry-point overhead benchmark (bench/python/overhead.py).

Usage: calls.py [REPEATS]. Runs recursive fib and method calls after a short warm-up and prints
one line per kernel, "name wall cpu": the best of REPEATS runs in seconds, timed inside the program
(so start-up is excluded) with time.perf_counter and with time.thread_time (this thread's CPU time,
which a loaded machine disturbs less). The results are checked, so a wrong answer fails loudly.
"""
import sys
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


def methods(n):
    p = Point(0, 0)
    step = Point(1, -1)
    total = 0
    for _ in range(n):
        p = p.add(step)
        total += p.norm1()
    return total


def timed(fn, arg):
    t, c = time.perf_counter(), time.thread_time()
    result = fn(arg)
    return (time.perf_counter() - t, time.thread_time() - c), result


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    fib(20), methods(10_000)  # warm-up: specialisation, and the JIT's thresholds are reached here
    inf = (float("inf"), float("inf"))
    best = {"fib": inf, "methods": inf}
    for _ in range(repeats):
        t, r = timed(fib, 27)
        assert r == 196418, r
        best["fib"] = tuple(map(min, best["fib"], t))
        t, r = timed(methods, 300_000)
        assert r == 300_000 * 300_001, r
        best["methods"] = tuple(map(min, best["methods"], t))
    for name, t in best.items():
        print(name, f"{t[0]:.6f}", f"{t[1]:.6f}")


main()
