# CALLs that 3.12 quickens to calls of C functions (CALL_NO_KW_BUILTIN_O/_FAST, _LEN, _ISINSTANCE,
# _METHOD_DESCRIPTOR_O/_NOARGS/_FAST, _LIST_APPEND, _TYPE_1, _STR_1, _TUPLE_1) take a guarded fast
# path in compiled code. Each function runs with the types it is specialised for, then with
# others (every guard fails once), then raises.


class L(list):
    pass


class Appender(list):
    def append(self, x):
        super().append(x * 10)


class Loud:
    def __str__(self):
        raise ValueError("no str for Loud")

    def __abs__(self):
        return abs(self)


def builtins_o(x, s):
    return abs(x), len(s), ord(s[0]) if s else -1


def builtins_fast(x):
    return isinstance(x, int), divmod(x, 7), getattr(x, "real", None)


def methods(items, s, d):
    return items.count(1), s.upper(), d.get("a"), items.index(items[-1]), "-".join(s), items.copy()


def appends(target, n):
    for k in range(n):
        target.append(k)
    return target


def conversions(x):
    return type(x).__name__, str(x), tuple(x)


def uses_len(s):
    return len(s)


def deep(o):
    return abs(o)


def classes(cls, x):
    # CALL_BUILTIN_CLASS (a type with tp_vectorcall), then a Python class at the same site.
    return cls(x), list(range(x)), tuple(enumerate("ab")), list(zip((1, 2), "xy"))


def keywords_allowed(items, s):
    # CALL_BUILTIN_FAST_WITH_KEYWORDS and CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS without keywords.
    return sorted(items), sum(items), s.split(), s.rsplit(" ", 1)


class Box:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "Box(%r)" % (self.x,)


def shadow_len():
    # A global shadows the builtin: the callable is a Python function, the guard fails.
    global len
    len = lambda s: 42
    print(uses_len("abc"))
    del len
    print(uses_len("abc"))


def main():
    for k in range(8):
        print(builtins_o(-k, "abc" * (k + 1)))
        print(builtins_fast(k * 3))
        print(methods([1, 2, 1, k], "xyz", {"a": k}))
        print(appends([], 5), appends(L(), 3), len(appends([], 100)))
        print(conversions([k, k + 1]), conversions("ab"))
        print(uses_len("q" * k))
        print(classes(int, k), keywords_allowed([3, 1, k], "a b c"))
    # Each guard fails: other callables, types and argument counts.
    print(builtins_o(-2.5, ["x", "y"]), builtins_o(True, ("z",)))
    print(builtins_fast(True), builtins_fast(2.5))
    print(methods(L([1, 1, 3]), "Ab", {}))
    print(appends(Appender(), 3))
    print(conversions((1, 2)), conversions({"k": 1}))
    shadow_len()
    print(classes(Box, 2), classes(float, 3), keywords_allowed((2, 1), "x y"))
    try:
        classes(int, "z")
    except ValueError as e:
        print("ValueError", e)
    for bad in [lambda: builtins_o(1, 5), lambda: conversions(Loud()), lambda: methods([], "", {}),
                lambda: builtins_fast(None), lambda: appends(None, 1)]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
    try:
        deep(Loud())
    except RecursionError as e:
        print("RecursionError", e)
    print(builtins_o(None, "a"))


main()
