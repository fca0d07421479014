# Loops that run on machine integers (int loops) and loops that must not.


def count(n):
    i = 0
    t = 0
    while i < n:
        t += i
        i += 1
    return t


def grow(n, step, start):
    # Leaves 2^30, 2^62 and 2^63 on the way: the products must stay exact.
    i = 0
    t = start
    while i < n:
        t = t * step + i
        i += 1
    return t


def down(n, d):
    i = n
    t = 0
    while i + n > 0:
        t -= i * d
        i -= 1
    return t


def first_square_above(limit):
    i = 0
    while True:
        i += 1
        if i * i > limit:
            return i


def loop_over(a, b):
    # Locals that are floats, strings or bools: the guards fail, the generic loop runs.
    i = 0
    t = a
    while i < 5:
        t = t + b
        i = i + 1
    return t


def rebinds(n):
    # t becomes a float inside the loop: the loop is not an int loop.
    i = 0
    t = 0
    while i < n:
        t = t + i
        if i == 3:
            t = 0.5
        i += 1
    return t


def divides(n):
    i = 1
    t = 1
    while i < n:
        t = t / 2 + i
        i += 1
    return t


for k in range(3):
    print(count(1000), count(-3), count(0), count(65537))
    print(grow(40, 3, 1), grow(70, 7, 1), grow(5, -100000, 1))
    print(grow(3, 1, 2**30 - 2), grow(3, 1, 2**62 - 2), grow(3, 1, 2**63 - 2), grow(3, 1, -2**63 + 1))
    print(grow(3, 2, 2**61), grow(4, -2, 2**61), grow(3, 1, 2**64), grow(3, 1, 2**60 - 2), grow(3, 1, -2**60 + 1))
    print(down(1000, 3), down(10, -(2**29)), down(3, 2**29 + 7))
    print(first_square_above(10**6), first_square_above(2**40))
    print(loop_over(0.5, 1.25), loop_over("a", "b"), loop_over(True, True), loop_over(2**40, 1))
    print(loop_over(1, 2**29), loop_over(-5, -1), loop_over(1, False))
    print(rebinds(10), divides(10))


def over_range(n, k):
    # The loop variable is unbound at the first entry (guard fails once per call), then the
    # range iterator is advanced in machine code; sums pass 2^63 and leave at the addition.
    t = 0
    for i in range(n):
        t += i * k
    return t


def two_back_edges(a, b, s):
    # Both sides of the if jump back: an int loop with two back edges.
    t = 0
    for i in range(a, b, s):
        t = t - i
        if t < -100:
            t = t + 7
    return t, i


for k in range(3):
    print(over_range(1000, 3), over_range(0, 1), over_range(10000, 2**40), over_range(5000, -(2**50)))
    print(two_back_edges(10, -500, -7), two_back_edges(-2**62, -2**62 + 50, 3))
