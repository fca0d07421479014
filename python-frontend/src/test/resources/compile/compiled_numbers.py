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
