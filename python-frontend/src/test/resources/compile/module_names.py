# Module and class bodies compiled at their first run (LOAD_NAME, STORE_NAME, DELETE_NAME, ...).
import sys
from collections import OrderedDict as OD
from os import path as ospath

total = 0
for i in range(2000):
    total += i * 2
print("loop", total, i)

len = lambda x: "shadowed len of %r" % (x,)
print(len([1, 2]))
del len
print(len([1, 2]))

tmp = 5
del tmp
try:
    tmp
except NameError as e:
    print("NameError:", e, e.name)
try:
    del tmp
except NameError as e:
    print("del NameError:", e)

print(sys.version_info[:2] >= (3, 12), OD([("a", 1)]), ospath.basename("/x/y.py"))


class Point:
    dims = 2
    origin = (0,) * dims
    print("in class body:", __qualname__, __module__, dims, origin)

    def norm(self):
        return self.dims

    class Inner:
        print("inner:", __qualname__)


print(Point.norm(Point()), Point.Inner.__qualname__)

counter = 0


class UsesGlobal:
    global counter
    counter += 10
    local_copy = counter
    print("class sees", counter, local_copy)


print("module sees", counter, UsesGlobal.local_copy)


class Recording:
    """A mapping that is not a dict: every access is logged."""

    def __init__(self):
        self.data = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value

    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()

    def __new__(mcs, name, bases, ns):
        print("namespace log:", ns.log)
        return super().__new__(mcs, name, bases, dict(ns.data))


class Mapped(metaclass=Meta):
    a = 1
    b = a + 1
    c = abs(-b)
    del a
    print("b, c:", b, c)


print(sorted(k for k in vars(Mapped) if not k.startswith("__")))

ns = Recording()
ns.data["seed"] = 3
exec("x = seed * 2\ny = x + len('ab')\nfor k in range(3):\n    y += k\ndel x\n", {"__builtins__": __builtins__}, ns)
print("exec:", ns.data, ns.log)

g = {"__builtins__": __builtins__}
exec("def f():\n    return 42\nr = f() + sum(range(10))\n", g)
print("exec dict:", g["r"], eval("r * 2", g), eval("[q * 2 for q in range(3)]", {}))

Dyn = type("Dyn", (), {"v": 1})
print(Dyn.v, [n for n in dir(Point) if n == "dims"], {**{"k": 1}, "m": 2}, {*range(3), 7})
args = (1, 2)
kw = {"sep": "-"}
print(*args, **kw)
print(+total, (*args, *args))
sieve = bytearray(8)
sieve[2:4] = b"\x01\x01"
print(sieve)
