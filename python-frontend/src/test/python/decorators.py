import functools
calls = []
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b=1):
    """adds"""
    return a + b

@repeat(3)
def hello(name):
    return "hi " + name

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def singleton(cls):
    inst = {}
    def get(*a):
        return inst.setdefault(cls, cls(*a))
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v

print(add(1), add(2, b=5), add.__name__, add.__doc__, calls)
print(hello("x"), fib(80), fib.cache_info().hits)
print(Config(1).v, Config(2).v, Config(1) is Config(3))
@functools.singledispatch
def show(x):
    return "object"
@show.register
def _(x: int):
    return "int"
print(show(1), show("s"), functools.partial(add, b=10)(5))
