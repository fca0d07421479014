"""Hot functions whose globals, builtins and __code__ are rebound: results follow the bindings."""
import builtins

K = 10


def f(x):
    return x + K + len("abc")


def g(x):
    return x * 2


def h():
    return MISSING + 1


for i in range(5):
    print("f", i, f(i))

K = 100
print("K rebound:", [f(i) for i in range(3)])

original_len = builtins.len
builtins.len = lambda s: 1000
print("builtin len replaced:", f(1))
builtins.len = original_len
print("builtin len restored:", f(1))

len = lambda s: -1  # a module global shadows the builtin
print("global len shadows:", f(1))
del len
print("shadow removed:", f(1))

f.__code__ = g.__code__
print("__code__ rebound:", f(5), f(6))

for attempt in range(3):
    try:
        print("h", h())
    except NameError as e:
        print("NameError:", e)
    if attempt == 0:
        MISSING = 41
    elif attempt == 1:
        del MISSING
