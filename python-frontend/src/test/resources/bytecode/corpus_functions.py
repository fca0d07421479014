# A corpus of varied functions for the bytecode decoder tests. dump_corpus.py compiles this file,
# runs warm_up() so that the specialising interpreter quickens the code, and dumps every code object.
import math


def arith_int(a, b):
    return a * b + a - b


def arith_float(x, y):
    return x * y + x - y


def compare_mix(a, b, s, t):
    r = 0
    if a < b:
        r += 1
    if a == 3.5:
        r += 2
    if s == t:
        r += 4
    if s is None or t is not None:
        r += 8
    if a in (1, 2, 3) and s not in ("q",):
        r += 16
    return 0 < a <= b < 100 and r


def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i > 1000:
            break
        total += i
    else:
        total -= 1
    j = 0
    while j < n:
        j += 2
    for x in [1, 2, 3]:
        for y in (4, 5):
            total += x * y
    return total + j


def strings(words):
    out = ""
    for w in words:
        out += w
    n = len(out)
    return f"{out!r:>{n}} {n:04d} {words[0]}" + str(n)


def subscripts(lst, tup, d):
    lst[0] = lst[1] + tup[0]
    d["k"] = d["k"] + 1
    a, b = tup[0], tup[1]
    c, d2, e = lst[:3]
    first, *rest = lst
    del lst[-1:]
    lst.append(a)
    return a + b + c + d2 + e + first + len(rest) + lst[-1]


def calls(xs):
    ys = list(xs)
    ys.append(len(xs))
    t = tuple(ys)
    isinstance(t, tuple)
    s = "-".join(str(v) for v in t)
    kw = sorted(ys, key=abs, reverse=True)
    star = max(ys, **{"default": 0}) + with_defaults(*ys[:2]) if ys else 0
    return type(s).__name__, s.upper(), kw, star, with_defaults(1), with_defaults(1, 2)


def with_defaults(a, b=10, *, c=20):
    return a + b + c


def exceptions(v):
    try:
        r = 10 // v
    except ZeroDivisionError as e:
        r = -1
        del e
    except (TypeError, ValueError):
        r = -2
    else:
        r += 1
    finally:
        r *= 2
    try:
        try:
            raise KeyError(v)
        finally:
            r += 1
    except KeyError:
        pass
    for k in range(3):
        try:
            if k == 1:
                continue
            assert k < 10, "too big"
        except AssertionError:
            raise RuntimeError("bad") from None
    return r


def finally_return(v):
    try:
        if v:
            return "early"
    finally:
        v = None
    return "late"


def exception_groups(n):
    caught = []
    try:
        raise ExceptionGroup("eg", [ValueError(n), TypeError(n)])
    except* ValueError as e:
        caught.append(len(e.exceptions))
    except* TypeError:
        caught.append(-1)
    return caught


class Box:
    kind = "box"

    def __init__(self, v):
        self.v = v
        self.w = v + 1

    def total(self):
        return self.v + self.w

    @property
    def double(self):
        return self.v * 2


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class SubBox(Box):
    def total(self):
        return super().total() + 1


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def attributes(b, s):
    b.v = b.v + 1
    return b.total() + b.double + s.a + len(Box.kind) + math.floor(math.pi) + SubBox(1).total()


def with_statements(n):
    r = 0
    with Ctx() as c, Ctx():
        r += n
        with Ctx():
            r += 1
    try:
        with Ctx():
            raise ValueError(c)
    except ValueError:
        r += 100
    return r


def comprehensions(n):
    a = [i * i for i in range(n) if i % 2]
    b = {i: str(i) for i in range(n)}
    c = {i % 3 for i in range(n)}
    d = sum(i for i in range(n))
    e = [[j for j in range(i)] for i in range(3)]
    return len(a) + len(b) + len(c) + d + len(e)


def gen(n):
    for i in range(n):
        received = yield i
        if received:
            yield from range(received)
    return n


def use_gen(n):
    g = gen(n)
    out = [next(g)]
    out.append(g.send(2))
    out.extend(g)
    return out + [x for x in gen(3)]


def closures(n):
    count = 0

    def inc(k=1):
        nonlocal count
        count += k
        return count

    adder = lambda x: x + n + count
    for _ in range(3):
        inc()
    return adder(inc(2))


def matching(v):
    match v:
        case 0 | 1:
            return "small"
        case [x, y, *rest] if x < y:
            return f"seq {len(rest)}"
        case {"k": val, **others}:
            return ("map", val, len(others))
        case Box(v=inner):
            return ("box", inner)
        case str() as s:
            return s
        case (a, b):
            return a
        case _:
            return None


async def produce(n):
    for i in range(n):
        yield i


class AsyncCtx:
    async def __aenter__(self):
        return 1

    async def __aexit__(self, *exc):
        return False


async def awaited(x):
    return x * 2


async def async_main(n):
    total = 0
    async for i in produce(n):
        total += await awaited(i)
    async with AsyncCtx() as a:
        total += a
    return total


def run_coroutine(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


COUNTER = 0


def globals_and_misc(n):
    global COUNTER
    COUNTER += 1
    import os.path as osp
    from math import sqrt
    if (m := n % 7) > 3:
        m = -m
    flag = not n
    neg = -n
    inv = ~n
    t = (n, m) if flag else (m, n)
    return osp.basename("/a/b"), sqrt(4), m, flag, neg, inv, t


def warm_up():
    total = 0
    for i in range(200):
        total += arith_int(i, 3)
        arith_float(1.5 * i, 2.5)
        compare_mix(i % 5, 4, "a", "b")
        loops(20)
        strings(["ab", "cd", "ef"])
        subscripts([1, 2, 3, 4], (5, 6), {"k": i})
        calls([1, -2, 3])
        exceptions(i % 3)
        finally_return(i % 2)
        attributes(Box(i), Slotted(2))
        with_statements(i)
        comprehensions(10)
        use_gen(4)
        closures(i)
        for v in (0, [1, 2, 3], {"k": 1, "j": 2}, Box(3), "s", (7, 8), 3.5):
            matching(v)
        run_coroutine(async_main(3))
        globals_and_misc(i)
    exception_groups(1)
    return total
