import sys

LIMIT = 7


def helper(a, b=2, *, c=3):
    return a * b + c


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def calls(n):
    out = []
    for i in range(n):
        p = Point(i, -i)
        p.x = p.x + 1
        out.append(helper(i) + helper(i, 3) + helper(i, c=LIMIT) + p.norm2() + len(out))
    return out


def containers(items):
    t = (items[0], items[-1])
    lst = [x * 2 for x in items]
    m = {"first": t[0], "last": t[1]}
    lst[0] = -lst[0]
    a, b = t
    return t, lst[1:3], m, a in lst, b not in lst, a is b, not a, -b, ~a, sorted(m)


def closure(n):
    acc = 0

    def add(k):
        nonlocal acc
        acc += k
        return acc

    for i in range(n):
        add(i)
    return acc


def globals_and_builtins(n):
    return [LIMIT + abs(-i) for i in range(n)], max(n, LIMIT), isinstance(n, int)


def missing_global():
    return undefined_name


def missing_method(stale):
    # A missing attribute in LOAD_ATTR's method form: AttributeError, not a call of what an
    # earlier instruction left in the stack slot (the tuple's second item).
    pair = (stale, stale)
    return (None.
            method)()


def unbound_local(flag):
    if flag:
        x = 1
    return x


for k in range(3):
    print(calls(3 + k))
    print(containers([k, 5, 7, 9]))
    print(closure(5 + k), globals_and_builtins(k))
    for f, arg in ((missing_global, None), (unbound_local, False), (missing_method, lambda: "stale slot called")):
        try:
            f() if arg is None else f(arg)
        except (NameError, UnboundLocalError, AttributeError) as e:
            print(type(e).__name__, e)
sys.stdout.flush()
print(unbound_local(False))
