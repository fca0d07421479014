# The deepest recursion reached before RecursionError must be exactly python's, for plain
# Python-to-Python calls, methods, calls through C (__call__, map), and with the function
# first called (so first seen by the JIT) at great depth.
import sys

deepest = 0


def probe(n):
    global deepest
    deepest = n
    probe(n + 1)


class Node:
    def down(self, n):
        global deepest
        deepest = n
        self.down(n + 1)

    def __call__(self, n):
        global deepest
        deepest = n
        return self(n + 1)


def through_map(n):
    global deepest
    deepest = n
    return list(map(through_map, [n + 1]))


def measure(fn):
    global deepest
    deepest = 0
    try:
        fn(0)
    except RecursionError as e:
        return deepest, str(e)
    return deepest, "no error"


def late(n):
    global deepest
    deepest = n
    late(n + 1)


def first_call_deep(n):
    if n == 0:
        return measure(late)
    return first_call_deep(n - 1)


for limit in (50, 1000, 4000, 20000):
    sys.setrecursionlimit(limit)
    print(limit, "plain", *measure(probe))
    print(limit, "method", *measure(Node().down))
    print(limit, "__call__", *measure(Node()))
    print(limit, "map", *measure(through_map))
sys.setrecursionlimit(1000)
print("first call at depth 900:", *first_call_deep(900))
