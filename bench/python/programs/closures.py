"""Closures and higher-order functions: adders and counters capturing variables (`nonlocal`),
function composition, decorators, map/filter with lambdas, functools.reduce, and sort keys made
by a factory.

Stresses: function object creation (MAKE_FUNCTION, cells), calls through variables, cell
loads and stores, builtins that call back into Python code.
Usage: closures.py [SIZE]   SIZE = number of outer iterations (default 150000).
"""
import functools
import sys


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count
    return bump


def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed


def twice(fn):
    @functools.wraps(fn)
    def wrapper(x):
        return fn(fn(x))
    return wrapper


@twice
def triple_mod(x):
    return x * 3 % 10007


def key_by(modulus):
    return lambda x: (x % modulus, x)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    counter = make_counter()
    total = 0
    for i in range(n):
        add = make_adder(i % 17)
        pipeline = compose(add, triple_mod, make_adder(3))
        total += pipeline(i)
        counter(i & 7)
        values = list(map(lambda v: v * i % 97, range(8)))
        kept = list(filter(lambda v: v % 2 == 1, values))
        total += functools.reduce(lambda a, b: a * 31 + b, kept, 0) % 65521
    ordered = sorted(range(n // 5), key=key_by(13))
    print("closures", n, total, counter(0), ordered[len(ordered) // 3], triple_mod.__name__)


main()
