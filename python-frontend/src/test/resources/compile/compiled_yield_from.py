def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def middle(n):
    first = yield from leaf(n)
    second = yield from [10, 20]
    return first, second


def failing():
    yield "about to fail"
    raise KeyError("deep")


def top():
    result = yield from middle(3)
    print("middle returned", result)
    try:
        yield from failing()
    except KeyError as e:
        print("caught from below", e)
    yield "end"


def catcher():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("catcher finally")


def delegating_catcher():
    yield from catcher()
    yield "after"


def chain(depth):
    if depth == 0:
        yield "bottom"
        return 0
    below = yield from chain(depth - 1)
    return below + 1


def over_iterator():
    yield from iter([1, 2])


def raiser():
    # The RESUME is followed by an instruction that is not compiled (DELETE_ATTR): never entered there.
    del (yield "ready").args


def main():
    t = top()
    print(next(t), t.send(5), t.send(6), next(t), next(t))
    print(next(t), next(t))
    try:
        next(t)
    except StopIteration:
        print("top done")

    d = delegating_catcher()
    print(next(d), d.throw(ValueError("thrown")), next(d))
    d.close()
    d = delegating_catcher()
    next(d)
    d.close()
    print("closed while delegating")

    # Deeper than the C recursion budget allows if every level of delegation cost an eval of
    # its own (python3.12 runs the delegate's frame inline).
    for depth in (10, 900):
        g = chain(depth)
        print(next(g))
        try:
            next(g)
        except StopIteration as e:
            print("chain", e.value)

    o = over_iterator()
    print(next(o))
    try:
        o.send(5)
    except AttributeError as e:
        print("send to an iterator:", e)

    for kind in (ValueError, KeyError):
        r = raiser()
        print(next(r))
        try:
            r.send(kind("sent"))
        except (ValueError, KeyError, TypeError) as e:
            print("raised", repr(e))


main()


def outer_fail():
    yield from failing()


for x in outer_fail():
    print(x)
