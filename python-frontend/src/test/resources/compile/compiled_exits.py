"""Bodies whose many exits share their code: an int loop with an exit per operator that can
overflow, and calls inside a try block, each of which may raise into the same handler (few and
many of them); and operands the compiler knows to be constants."""


def kernel(seed, n):
    total = 0
    for i in range(n):
        x = i + seed
        total += (x * x) % 7 + (x ^ (x >> 3)) - (i & 15)
    return total


def few(values):
    try:
        a = len(values)
        b = sum(values)
        return a + b
    except TypeError as error:
        return str(error)


def many(values):
    try:
        a = len(values)
        c = max(values)
        d = min(values)
        e = sorted(values)
        f = list(values)
        b = sum(values)
        return a + b
    except TypeError as error:
        return str(error)


def constants(x, d):
    out = [x + 1, 1 - x, x * 2.5, 0.5 + x, x < 3, 2.0 > x, x == 7]
    try:
        out.append(x / 0.0)
    except ZeroDivisionError as error:
        out.append(str(error))
    if x is None or "k" in d or not x:
        out.append("branch")
    d["k"] = 7
    out.append(d["k"] - x)
    return out


for x in (0, 5, -3, 2.5, -0.0, 2**40, True, 2**30 - 1):
    print(constants(x, {}), constants(x, {"k": 1}))
print(kernel(3, 100), kernel(2**40, 50))
print(few([3, 1, 2]), few([1, "x"]))
print(many([3, 1, 2]), many([1, "x"]))
