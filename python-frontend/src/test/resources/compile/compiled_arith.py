def total(n):
    t = 0
    i = 0
    while i < n:
        t += i
        i += 1
    return t

def fsum(n):
    x = 0.5
    i = 0
    while i < n:
        x = x * 1.0001 + 0.25
        i = i + 1
    return x

def classify(a, b):
    if a < b:
        return -1
    if a == b:
        return 0
    return 1

def ops(a, b):
    r = a + b - a * b
    r = r // 3 + r % 7 + (a ** 2) - (b << 2) + (a >> 1)
    r = r ^ a | b & 5
    return r, a / b if b is not None else None

def pick(x):
    if x is None:
        return "none"
    if x:
        return "truthy"
    return "falsy"

def divide(a, b):
    c = a + 1
    return c // b

for k in range(3):
    print(total(1000 + k), fsum(100 + k), classify(k, 1), ops(k + 3, k + 1), pick(None), pick([k]), pick(""), pick(0.0))
print(divide(4, 2))
print(divide(5, 0))
