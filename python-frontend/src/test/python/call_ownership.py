# Objects whose last reference is a call's argument die when the callee's frame releases its
# locals, in the locals' order: 3.12's CALL of a Python function moves the references into the
# new frame. Finalizers print, so their order is compared byte for byte.


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def method(self, other, extra=None):
        local = Noisy(self.n * 10)
        return other.n + local.n


def two(a, b):
    c = Noisy(3)
    return a.n + b.n + c.n


def keywords(a, *, b):
    return a.n - b.n


def defaults(a, b=None):
    return a.n


def raises(a, b):
    raise ValueError(a.n + b.n)


def produce(a):
    yield a.n
    yield a.n + 1


def twice(a, b):
    return a is b


def main():
    for k in range(3):
        print("two", two(Noisy(1), Noisy(2)))
        print("method", Noisy(4).method(Noisy(5)))
        print("keywords", keywords(Noisy(6), b=Noisy(7)))
        print("defaults", defaults(Noisy(8)), defaults(Noisy(9), Noisy(10)))
        try:
            raises(Noisy(11), Noisy(12))
        except ValueError as e:
            print("raised", e)
        print("generator", list(produce(Noisy(13))))
        o = Noisy(14)
        print("twice", twice(o, o))
        del o
        print("len", len([Noisy(15)]))
        print("--")


main()
