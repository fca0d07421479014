# Specialised attribute, global and subscript access: each function runs interpreted first (the
# specialising interpreter quickens it), then compiled; every guard is made to fail afterwards.
import math
import sys

G = 10


def read_global(n):
    t = 0
    for _ in range(n):
        t += G
    return t


def read_builtin(xs):
    return len(xs) + abs(-1)


class P:
    K = 7

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def scale(self, k):
        self.x = self.x * k
        return self


def use_points(ps):
    t = 0
    for p in ps:
        t += p.norm1() + P.K
        p.scale(1)
    return t


def make_points(n):
    return [P(i, -i) for i in range(n)]


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a
        self.b = a + 1

    def total(self):
        self.b = self.b + 1
        return self.a + self.b


def use_slots(ss):
    t = 0
    for s in ss:
        t += s.total()
    return t


class Err(Exception):
    def code(self):
        return 3


def use_lazy(es):
    t = 0
    for e in es:
        t += e.code()
    return t


def use_module(n):
    t = 0.0
    for _ in range(n):
        t += math.pi
    return t


def use_list(xs, i):
    xs[i] = xs[i] + 1
    return xs[i]


def use_tuple(t, i):
    return t[i] + t[0]


def use_methods(xs):
    out = []
    for x in xs:
        out.append(x)
    return len(out)


class Q:
    def __init__(self, flip):
        if flip:
            self.b = 1
            self.a = 2
        else:
            self.a = 2
            self.b = 1


class Tmp:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("del", self.v, "at line", sys._getframe(1).f_lineno)


def temp_attr(k):
    a = (Tmp(k)
         .v)
    return a + Tmp(k + 1).v


def warm(f, *args):
    for _ in range(8):
        r = f(*args)
    return r


def report(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


# Guards hold: the same shapes as during warm-up. New attributes keep their insertion order.
for k in range(8):
    Q(k % 2 == 0)
print(vars(Q(True)), vars(Q(False)), list(vars(Q(True))))
print(warm(read_global, 5), warm(read_builtin, [1, 2]))
pts = make_points(4)
print(warm(use_points, pts), warm(use_slots, [S(1), S(2)]), warm(use_lazy, [Err(), Err()]))
print(warm(use_module, 3), warm(use_list, [1, 2, 3], 1), warm(use_methods, [1, 2]), warm(use_tuple, (4, 5), 1))

# The fast path releases the last reference to its owner: the destructor sees this line.
print(warm(temp_attr, 1))

# A global rebound (same keys): still the fast path; a new global: the keys version changes.
G = 11
report("rebound", read_global, 3)
H = 1
report("new global", read_global, 3)

# A builtin shadowed by a global, then the global deleted again.
len = lambda xs: 42
report("shadowed", read_builtin, [1])
del len
report("unshadowed", read_builtin, [1])

# Class attribute and method replaced; the type mutated.
P.K = 8
report("class attr", use_points, pts)
P.norm1 = lambda self: 100
report("method", use_points, pts)
P.extra = 1
report("mutated", use_points, pts)

# An instance whose __dict__ is materialised, and one missing an attribute.
q = P(5, 6)
q.__dict__["z"] = 1
report("dict", use_points, [q])
r = P(1, 2)
del r.x
report("missing", use_points, [r])

# Slots: an unset slot.
s = S(1)
del s.b
report("slot unset", use_slots, [s])

# A lazily created dict.
e = Err()
e.note = 1
report("lazy dict", use_lazy, [e])

# A module gaining a global, and one whose attribute is gone.
math.extra = 1
report("module", use_module, 2)

# Lists: a negative index, an out-of-range index, a non-list.
report("negative", use_list, [1, 2, 3], -1)
report("range", use_list, [1, 2, 3], 5)
report("dict", use_list, {1: 2}, 1)
report("bool", use_list, [1, 2], True)
report("tuple", use_tuple, (4, 5), 0)
report("tuple negative", use_tuple, (4, 5), -1)
report("tuple range", use_tuple, (4, 5), 2)
report("tuple of list", use_tuple, [4, 5], 1)
report("big index", use_tuple, (1, 2, 3), 2 ** 40)

# A deleted global: NameError with the compiled frame in the traceback.
del G
sys.stdout.flush()
read_global(2)
