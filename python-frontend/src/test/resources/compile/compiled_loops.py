def squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def walk(seq):
    out = []
    for x in seq:
        if x is None:
            continue
        out.append(x[1:3])
    return out


def gen(n):
    for i in range(n):
        yield i * 3


def drain(n):
    acc = []
    for v in gen(n):
        acc.append(v)
    for k in {"a": 1, "b": 2}:
        acc.append(k)
    return acc


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def custom(n):
    return [x for x in Countdown(n)]


def bad_iter():
    for x in 42:
        pass


for k in range(3):
    print(squares(10 + k), walk(["abcd", None, "xyz", (1, 2, 3)]), drain(3), custom(4))
bad_iter()
