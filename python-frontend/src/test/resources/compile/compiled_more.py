counter = 0


def bump(k):
    global counter
    counter += k
    return counter


def fmt(x, y):
    return f"{x}|{y!r}|{x:>6}|{y!s:^7}|{x!a}|{3.14159:.2f}"


class Base:
    def hello(self, n):
        return "base %d" % n

    @property
    def kind(self):
        return "base"


class Child(Base):
    def hello(self, n):
        return "child+" + super().hello(n) + "+" + super().kind


class Manager:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return len(self.log)

    def __exit__(self, kind, value, tb):
        self.log.append("exit %s" % (kind.__name__ if kind else None))
        return False


def managed(log):
    with Manager(log) as n:
        log.append(n)
    return log


def not_a_manager():
    with 42:
        pass


def containers(n):
    s = {n, n + 1, n}
    d = {"a": n, "b": n * 2}
    lst = [0, *range(n), *(7, 8)]
    del lst[0]
    sl = lst[1:n:2]
    return sorted(s), d, lst, sl


def make_adders(n):
    out = []
    for i in range(n):
        def add(x, i=i, *, scale=1):
            return (x + i) * scale
        out.append(add)
    base = n

    def shifted(x):
        return x + base
    return [f(10) for f in out] + [shifted(1)]


for k in range(3):
    print(bump(k), fmt(k, "s"), Child().hello(k), managed([]), containers(3 + k), make_adders(k))
try:
    not_a_manager()
except TypeError as e:
    print("TypeError", e)
print(fmt(1.5, None))
