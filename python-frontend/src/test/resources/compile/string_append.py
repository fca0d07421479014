# BINARY_OP_INPLACE_ADD_UNICODE (`s += t`, or `s = s + t` before STORE_FAST s) compiled: the
# string is extended in place when only the local holds it; a string held elsewhere too is
# copied, str subclasses on either side and other types take the generic addition. Run with
# every function compiled at its fourth call.
import sys


class Tag(str):
    def __add__(self, other):
        return Tag(str.__add__(self, other).upper())

    def __radd__(self, other):
        return "<" + other + ">"


def grow(n):
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
    return s


def rebind(n):
    s = "start"
    for i in range(n):
        s = s + str(i)
    return s


def shared(n):
    s = "x"
    kept = []
    for i in range(n):
        kept.append(s)
        s += "y"
    return s, kept[-3:], [len(k) for k in kept[:4]]


def subclasses(left, right):
    s = left
    s += right
    return s, type(s).__name__


def mixed(n):
    s = "m"
    for i in range(n):
        if i == n // 2:
            s = Tag(s)
        s += "n"
    return s, type(s).__name__


def failing(n, bad):
    s = "q"
    for i in range(n):
        s += bad if i == n - 1 else "r"
    return s


for k in range(6):
    r = grow(50 + k), rebind(12), shared(5), mixed(6)
    print(len(r[0]), r[0][-4:], r[1], r[2], r[3])
    print(subclasses("a", "b"), subclasses(Tag("t"), "u"), subclasses("v", Tag("w")))

try:
    failing(5, 7)
except TypeError as e:
    print("TypeError:", e)
print(failing(4, "end"))
s = grow(1000)
print(len(s), s.count("ab"), sys.getrefcount(s))
failing(3, None)
