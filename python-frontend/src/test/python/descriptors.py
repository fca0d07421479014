class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        print("computed", self.fn.__name__)
        return v

class Point:
    x = Typed(int)
    y = Typed(int)
    def __init__(self, x, y):
        self.x, self.y = x, y
    @Lazy
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def diag(cls, n):
        return cls(n, n)

p = Point(3, 4)
print(p.x, p.y, p.norm2, p.norm2)
try:
    p.x = 1.5
except TypeError as e:
    print(e)
print(type(Point.x).__name__, Point.origin().x, Point.diag(7).y)
s = 0
for i in range(30000):
    p.x = i
    s += p.x + p.y
print(s)
