def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closed with", received)
        raise

def inner():
    x = yield 1
    y = yield x * 2
    return x + y

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from range(3)
    return "done"

print(list(take(15, fib())))
e = echo()
next(e)
print(e.send("a"), e.send("b"))
e.close()
g = outer()
print(next(g), g.send(10), g.send(5), list(g))

def thrower():
    try:
        yield 1
    except ValueError as ex:
        yield f"caught {ex}"
    yield 3
t = thrower()
print(next(t), t.throw(ValueError("boom")), next(t))
print(sum(x * x for x in range(100000) if x % 3))
gen = (i for i in range(3))
print(list(gen), list(gen))
def stop():
    yield 1
    return 7
s = stop(); next(s)
try:
    next(s)
except StopIteration as ex:
    print("StopIteration value", ex.value)
