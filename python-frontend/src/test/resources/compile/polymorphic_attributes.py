# Attribute sites whose owners are instances of several classes: the interpreter's cache holds one
# class, the compiled site keeps a few more (a polymorphic cache filled at run time). Each function
# meets several classes in its first calls (so its specialised sites have missed before it is
# compiled at its fourth call), then the classes change under the compiled code: an attribute
# deleted, a method shadowed by an instance attribute, a property added to a class, a dict
# materialised, more classes than the cache holds, classes hooking attribute access.


class Base:
    def __init__(self, value):
        self.value = value

    def describe(self):
        return "base"


class Plain(Base):
    def describe(self):
        return "plain"


class Shifted(Base):
    # `extra` comes first: `value` has another index in this class's shared keys.
    def __init__(self, value):
        self.extra = -value
        Base.__init__(self, value)

    def describe(self):
        return "shifted"


class Late(Base):
    pass


class Hooked(Base):
    def __getattr__(self, name):
        return "hooked " + name


class Fancy(Base):
    @staticmethod
    def describe():
        return "static"


def make(classes, n):
    return [classes[k % len(classes)](k) for k in range(n)]


def total(objects):
    t = 0
    for o in objects:
        t += o.value
    return t


def relabel(objects, text):
    for o in objects:
        o.tag = text
        o.label = text
        o.value = o.value + 1


def names(objects):
    return [o.describe() for o in objects]


def main():
    classes = [Base, Plain, Shifted, Late]
    # Every class's shared keys get `label`, then `tag`; the objects made next have neither. The
    # seeds stay alive, so no new object's values reuse a seed's insertion order.
    seeds = make(classes, 4)
    for o in seeds:
        o.label = "seed"
        o.tag = "seed"
    mixed = make(classes, 40)
    for _ in range(3):
        print(total(mixed), names(mixed)[:4])
    # Adds `tag`, then `label` (not the keys' order) to objects of three classes through the
    # polymorphic cache, then replaces them.
    relabel(mixed, "first")
    print([list(vars(o)) for o in mixed[-4:]], total(mixed), len(seeds))
    relabel(mixed, "again")
    print([o.label for o in mixed[:4]], total(mixed), names(mixed)[:5])

    # An attribute deleted: the cached index holds NULL.
    del mixed[2].value
    try:
        total(mixed)
    except AttributeError as e:
        print("AttributeError:", e)
    mixed[2].value = 7
    print(total(mixed))

    # A class's shared keys grow by another name: its method entry is refilled.
    mixed[2].note = "grown"
    print(names(mixed)[:6], names(mixed)[2:4])
    # A method shadowed by an instance attribute: the class's shared keys grow by its name.
    mixed[1].describe = lambda: "shadow"
    print(names(mixed)[:6])

    # A dict materialised: the values are no longer inline.
    vars(mixed[3])["value"] = 1000
    relabel(mixed[3:4], "dict")
    print(total(mixed), sorted(vars(mixed[3]).items()))

    # A property added to a class: its version changes, the entry is dead.
    Late.value = property(lambda self: 500)
    print(total(mixed))
    del Late.value
    print(total(mixed))

    # More classes than the cache holds, attribute hooks, a static method.
    many = [type("C%d" % k, (Base,), {})(k) for k in range(8)] + make([Hooked, Fancy], 4)
    for _ in range(2):
        print(total(many), names(many)[-4:])
        relabel(many, "many")
    print(many[0].label, many[-1].label, Hooked(1).missing)


main()
