# Int loops with & | ^ << >> // %, unary - and ~, and truth tests on ints: every result must be
# python's, every error raised at python's line (the caller prints the traceback).
import traceback


def divmods(a, b, n):
    # Floor division and remainder in all sign combinations: a walks down through zero.
    i = 0
    q = 0
    r = 0
    while i < n:
        q = q * 3 + a // b
        r = r * 5 + a % b
        a -= 3
        i += 1
    return q, r


def edges(m, k, d, n):
    # m * k reaches INT64_MIN (-2^63 fits) or overflows; MIN // -1 and -MIN leave 64 bits.
    i = 0
    t = 0
    while i < n:
        t = t * 7 + (m * k // d) % 1000003 + m * k % d + (m * k >> 62) + (~(m * k) & 255) - (-(m * k) >> 60)
        i += 1
    return t


def shifts(v, s, n):
    # Variable counts: >> by 64 or more gives the sign, << keeps only what fits in 64 bits.
    i = 0
    r = 0
    t = 0
    while i < n:
        r = r * 3 + (v >> s)
        t = t * 3 + (v << s)
        i += 1
    return r, t


def constant_shifts(v, n):
    i = 0
    t = 0
    while i < n:
        t = t + (v >> 3) + (v << 3) + (v >> 70) + (v // 8) + (v % 16) + (v // -4) + (v % -4)
        v = v - 7
        i += 1
    return t


def grow_shift(x, n):
    # 1 << i leaves 64 bits at i = 63: the generic code continues with big ints.
    i = 0
    while i < n:
        x <<= 1
        x |= i & 1
        i += 1
    return x


def count_down_shift(v, s):
    # The shift count reaches -1: ValueError at the shift's line.
    t = 0
    while True:
        t += v << s
        s -= 1


def count_down_divide(v, d):
    # The divisor reaches 0: ZeroDivisionError at the division's line.
    t = 0
    while True:
        t += v // d
        d -= 1


def count_down_modulo(v, d):
    t = 0
    while True:
        t += v % d
        d -= 1


def guarded(n):
    # The division by zero is caught in the same function.
    t = 0
    try:
        d = n
        while True:
            t += 1000 % d
            d -= 1
    except ZeroDivisionError as e:
        return t, str(e)


def truths(a, n):
    # POP_JUMP_IF_* on ints: & , not %, unary minus, ~.
    i = 0
    t = 0
    while i < n:
        if a & i:
            t += 1
        if not (i % 3):
            t += 10
        if -i:
            t += 100
        if ~a:
            t += 1000
        i += 1
    return t


def bits(x):
    # while x: a truth test at the header and the back edge.
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


def mixed(a, b, n):
    # and / or conditions on ints and comparisons.
    i = 0
    t = 0
    while i < n and a:
        t = (t | (1 << (i % 60))) ^ b
        if b or i & 1:
            t ^= 5
        a >>= 1
        i += 1
    return t


def skips(n, m):
    # A continue and an if at the end of the body: three back edges to the FOR_ITER.
    t = 0
    for i in range(n):
        if i % m == 0:
            continue
        t += i
        if t & 4:
            t -= 3
    return t


def run(f, *args):
    try:
        print(f.__name__, args, f(*args))
    except Exception:
        print(traceback.format_exc())


for k in range(2):
    for b in (2, -2, 3, -3, 7, -7, 1, -1):
        run(divmods, 7, b, 6)
    run(divmods, -2**59, 3, 4)
    for m, kk, d in ((-2**59, 16, -1), (-2**59, 16, 1), (-2**59, 16, 7), (-2**59, 16, -7), (2**59 - 1, 16, 3),
                     (2**59, 16, 3), (2**59 - 1, 16, -1), (-2**59, 8, -1), (2**58, 3, 2**59 - 1)):
        run(edges, m, kk, d, 3)
    for v, s in ((5, 3), (-5, 3), (-5, 63), (-5, 64), (5, 64), (0, 100), (1, 62), (1, 63), (-1, 63), (3, 61),
                 (5, 61), (12345, 1000), (-12345, 200), (2**59 - 1, 4), (-2**59, 4), (-2**59, 1)):
        run(shifts, v, s, 3)
    run(constant_shifts, 100, 40)
    run(constant_shifts, -2**59, 5)
    run(grow_shift, 1, 70)
    run(grow_shift, -1, 70)
    run(count_down_shift, 3, 2)
    run(count_down_divide, 1000, 4)
    run(count_down_modulo, -1000, 3)
    run(guarded, 5)
    run(truths, 5, 20)
    run(truths, -1, 7)
    run(truths, 2**61, 5)
    run(bits, 2**59 + 12345)
    run(bits, 0)
    run(mixed, 2**40, 0, 100)
    run(mixed, 0, 0, 100)
    run(mixed, 0, -9, 70)
    run(skips, 1000, 7)
    run(skips, 50, 1)

print(count_down_divide(7, 2))
