# Loops hot in their only call: entered by on-stack replacement, then run on machine integers.


def count(n):
    i = 0
    t = 0
    while i < n:
        t += i * i
        i += 1
    return t


def crossing(n, k):
    # The sum passes 2^62 and 2^63 near i = 2900 and 4100, after on-stack replacement: the
    # addition that overflows and the rest of the loop run generic, exactly.
    i = 0
    t = 0
    while i < n:
        t += i * k
        i += 1
    return t


print(count(200_000), crossing(100_000, 2**40), crossing(100_000, -(2**40)))
