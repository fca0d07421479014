def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc

c = counter()
print([c() for _ in range(5)], c(10))

def make_adders():
    return [lambda x, i=i: x + i for i in range(5)]
print([f(10) for f in make_adders()])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
print(c.__code__.co_freevars, c.__closure__[0].cell_contents)

def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h
print(compose(str, abs, lambda v: v * 3)(-7))
acc = counter()
for i in range(100000):
    acc(i)
print(acc(0))
