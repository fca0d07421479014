# Functions called from C (map, filter, sorted's key, functools.reduce, a bound method through
# map) take the vectorcall entry into their compiled bodies once hot; calls the entry does not
# take (keywords, a wrong argument count, defaults, a profiler) go to the interpreter; errors
# and tracebacks stay python3.12's.
import functools
import sys
import traceback


def scale(v):
    return v * 3 + 1


def with_cell(x):
    inner = lambda: x + 1
    return inner()


def defaults(a, b=10):
    return a + b


def fails(v):
    if v == 13:
        raise ValueError("thirteen")
    return v


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self.total


def depth(n):
    if n == 0:
        return 0
    return sum(map(depth, [n - 1])) + 1


deepest = 0


def selfmap(n):
    global deepest
    deepest = max(deepest, n)
    return list(map(selfmap, [n + 1]))


def main():
    total = 0
    for i in range(60):
        # A new lambda each turn: the function watcher gives it the entry.
        total += sum(map(lambda v: v * i % 97, range(8)))
        total += len(list(filter(lambda v: v % 3 == 1, range(10))))
        total += functools.reduce(lambda a, b: a * 31 + b & 0xFFFF, range(6), i)
        total += sum(map(scale, range(5)))
        total += sum(map(with_cell, range(4)))
        total += sum(map(defaults, range(3)))
        total += sum(map(defaults, range(3), range(3)))
    print("total", total)
    print(sorted(range(20), key=lambda v: (v % 7, -v)))
    acc = Acc()
    print(list(map(acc.add, range(10))))
    # Keyword arguments and a wrong count: _PyFunction_Vectorcall's errors.
    print(list(map(lambda k: scale(v=k), range(3))))
    try:
        list(map(scale, range(3), range(3)))
    except TypeError as e:
        print("TypeError:", e)
    try:
        list(map(fails, range(20)))
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    print("depth", depth(40))
    # Recursion through C: the entry charges the C recursion budget as the interpreter does.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100000)
    try:
        selfmap(0)
    except RecursionError as e:
        # The depth is python3.12's; the message's suffix names the C call that ran out, which
        # at the last level may differ (see the known differences).
        print("RecursionError:", str(e).startswith("maximum recursion depth exceeded"), deepest)
    sys.setrecursionlimit(limit)
    # A profiler sees every call the entry would have made.
    seen = []
    sys.setprofile(lambda frame, event, arg: seen.append((event, frame.f_code.co_name))
                   if event in ("call", "return") and frame.f_code.co_name == "scale" else None)
    list(map(scale, range(3)))
    sys.setprofile(None)
    print(seen)
    # A new code object behind a function that has the entry.
    scale.__code__ = (lambda v: -v).__code__
    print(list(map(scale, range(4))))


main()
