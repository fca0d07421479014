import traceback


def guarded(d, k):
    try:
        v = d[k]
    except KeyError as e:
        v = -1
    finally:
        d["seen"] = d.get("seen", 0) + 1
    return v


def nested(xs):
    total = 0
    for x in xs:
        try:
            total += 10 // x
        except ZeroDivisionError:
            total -= 1
    return total


class Box:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *exc):
        return exc[0] is ValueError


def with_block(box, fail):
    n = -5
    with box as b:
        if fail:
            raise ValueError("swallowed")
        n = b.entered
    return n


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1) + 1


def catch_deep():
    try:
        return deep(3)
    except RuntimeError as e:
        return "caught " + str(e)


def uncaught(x):
    y = x + 1
    return y.missing


for k in range(3):
    d = {"a": 1}
    print(guarded(d, "a"), guarded(d, "b"), d, nested([1, 0, 2, 0, 5]), catch_deep())
    box = Box()
    print(with_block(box, False), with_block(box, True), box.entered)
for k in range(2):
    try:
        deep(2) if k else uncaught(k)
    except (RuntimeError, AttributeError):
        traceback.print_exc()
print(uncaught(1))
