def arith(a, b):
    return a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b


def inplace(a, b):
    a += b
    c = a
    c -= b
    c *= b
    return a, c


VALUES = [0, 1, -1, 5, -5, 255, 256, 257, -6, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**62, 1.5, -0.0, 0.0,
          float("nan"), float("inf"), -float("inf"), 1e308, True, False, "x"]

for k in range(3):
    for a in VALUES:
        row = []
        for b in VALUES:
            try:
                row.append((arith(a, b), inplace(a, b)))
            except TypeError as e:
                row.append(str(e))
        print(repr(a), row)
print([type(x).__name__ for x in arith(1, True)], arith(2**29, 2**29)[2] is arith(2**29, 2**29)[2])
print(arith(250, 6)[0] is 256, arith(-3, -2)[0] is -5)


def chains(a, b, c):
    # Temporaries with one reference are reused for the result; locals and constants are not.
    t = a * b + c
    u = (a - b) * (b - c) - (a * c)
    v = a / (b * b + 1.0)
    w = (a + b) / (c * 2.0 + 7.0)
    a += 1.25
    return t, u, v, w, a, b, c


def divide(a, b):
    return a / b


FLOATS = [1.5, -2.25, 0.0, -0.0, 3.0, 1e308, -1e308, 5e-324, float("nan"), float("inf"), -float("inf")]
for k in range(3):
    for a in FLOATS:
        print(repr(a), [chains(a, b, c) for b in FLOATS for c in (0.5, a)])
        for b in FLOATS + [0, 2, True]:
            try:
                print(repr(divide(a, b)), end=" ")
            except ZeroDivisionError as e:
                print(type(e).__name__, e, end=" ")
        print()
one = 1.0
kept = [one * 2.0, one + 0.5, (one + 1.0) / 4.0]
print(kept, one, [x * 2.0 + 1.0 for x in kept], kept)
