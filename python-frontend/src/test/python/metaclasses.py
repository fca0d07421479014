class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.created_by = "Registry"
        return obj

class Base(metaclass=Registry):
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Child(Base, tag="child"):
    pass

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

class Dyn:
    def __getattr__(self, name):
        return f"dynamic {name}"
    def __class_getitem__(cls, item):
        return f"Dyn[{item.__name__}]"

print(Registry.classes, Child.tag, Base.tag, Child().created_by)
s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)
print(Dyn().anything, Dyn[int], type(Child), type(type))
Point = type("Point", (), {"x": 1, "show": lambda self: f"x={self.x}"})
print(Point().show(), Point.__name__)
