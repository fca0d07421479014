import gc
import sys
import threading


def counter(n):
    i = 0
    while i < n:
        yield i * i
        i += 1
    return "counted"


def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total = total + value
    return total


def stacked(a):
    # Values stay on the stack across the yields: the resumption depth is 3 and 4.
    print("stacked", (yield a), (yield a + 1), a + (yield a + 2))
    yield [a, (yield "inner")]


def guarded():
    state = []
    try:
        while True:
            try:
                x = yield len(state)
                state.append(10 // x)
            except ZeroDivisionError as e:
                state.append("zero: " + str(e))
            except KeyError as e:
                yield "caught " + repr(e)
    finally:
        print("guarded finally", state)


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refused"


def broken(n):
    for i in range(n):
        yield i
    raise ValueError("broken after " + str(n))


def stops():
    yield 1
    raise StopIteration("inside")


def delegate(n):
    got = yield from counter(n)
    print("delegate got", got)
    total = yield from accumulate()
    yield ("total", total)


def endless(tag):
    i = 0
    while True:
        yield tag + str(i)
        i += 1


class Noisy:
    def __init__(self, name):
        self.name = name

    def items(self):
        try:
            i = 0
            while True:
                yield self.name, i
                i += 1
        finally:
            print("finalised", self.name)


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for child in (tree(depth - 1), tree(depth - 1)):
        for leaf in child:
            yield leaf + str(depth)


def main():
    print(list(counter(6)))
    g = counter(3)
    print(next(g), next(g), next(g))
    try:
        next(g)
    except StopIteration as e:
        print("stop value", e.value)
    for round in range(3):
        acc = accumulate()
        next(acc)
        for k in range(5):
            print("sent", acc.send(k * round))
        try:
            acc.send(None)
        except StopIteration as e:
            print("accumulated", e.value)

    s = stacked(10)
    print(next(s), s.send("x"), s.send("y"), s.send(3), s.send("z"))
    s.close()

    g = guarded()
    print(next(g), g.send(5), g.send(0), g.send(2))
    print(g.throw(KeyError("k")), next(g))
    print(g.throw(ZeroDivisionError("thrown")))
    g.close()
    print("closed", g.gi_frame)

    r = ignores_exit()
    next(r)
    try:
        r.close()
    except RuntimeError as e:
        print("close:", e)

    b = broken(2)
    print(next(b), next(b))
    try:
        next(b)
    except ValueError as e:
        print("raised", e)
    try:
        list(stops())
    except RuntimeError as e:
        print("runtime", e, repr(e.__cause__))

    d = delegate(3)
    print(next(d), next(d), next(d), next(d))
    print(d.send(4), d.send(5), d.send(None))

    squares = sum(x * x for x in range(2000) if x % 3)
    print(squares, max(len(w) for w in ("a", "bbb", "cc")))
    print({k: v for k, v in zip(endless("k"), range(3))})
    print(list(tree(3))[:5], len(list(tree(4))))

    # Never exhausted, dropped while suspended: finalised at once (reference count) or by the
    # cycle collector.
    for name in ("first", "second"):
        items = Noisy(name).items()
        print(next(items), next(items))
        del items
    cyclic = Noisy("cycle")
    cyclic.gen = cyclic.items()
    print(next(cyclic.gen))
    del cyclic
    gc.collect()
    print("after collect")

    # Started here, resumed on another thread, finished here.
    shared = counter(6)
    print(next(shared))
    seen = []
    worker = threading.Thread(target=lambda: seen.extend([next(shared), next(shared)]))
    worker.start()
    worker.join()
    print("thread saw", seen, "then", list(shared))

    frames = endless("f")
    next(frames)
    print("suspended at line", frames.gi_frame.f_lineno, sorted(frames.gi_frame.f_locals))


main()


def uncaught():
    yield 1
    {}["missing"]


for value in uncaught():
    print("value", value)
