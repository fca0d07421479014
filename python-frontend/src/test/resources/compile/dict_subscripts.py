# BINARY_SUBSCR_DICT / STORE_SUBSCR_DICT call PyDict_GetItemWithError / PyDict_SetItem on an
# exact dict; a miss raises KeyError(key) as the interpreter does; other containers take
# PyObject_GetItem / PyObject_SetItem.


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return self.n % 3

    def __repr__(self):
        return "Key(%d)" % self.n

    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return isinstance(other, Key) and self.n == other.n


class Defaulting(dict):
    def __missing__(self, key):
        return "missing " + repr(key)


class Logging(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


def read(d, k):
    return d[k]


def write(d, k, v):
    d[k] = v
    return len(d)


def count(words):
    table = {}
    for w in words:
        if w in table:
            table[w] += 1
        else:
            table[w] = 1
    return sorted(table.items())


def main():
    d = {"a": 1, (1, 2): "pair", 3: "three"}
    for k in range(6):
        print(read(d, "a"), read(d, (1, 2)), write(d, k, k * k), count("abracadabra"[: k + 5]))
    keyed = {Key(1): "one", Key(4): "four"}
    print(read(keyed, Key(4)))  # a collision: __eq__ runs exactly as in python
    print(write(keyed, Key(7), "seven"))
    print(read(Defaulting(x=1), "y"), write(Logging(), "k", "v"))
    print(read([10, 20], 1), read("text", 2), write([0, 0], 1, 5))
    for bad in [lambda: read(d, "zz"), lambda: read(d, (5, 6)), lambda: read(d, [1]),
                lambda: write(d, {}, 1), lambda: read(keyed, Key(10))]:
        try:
            bad()
        except (KeyError, TypeError) as e:
            print(type(e).__name__, repr(e))
    read(d, ("missing",))


main()
