# FOR_ITER quickened to FOR_ITER_LIST / _TUPLE / _RANGE steps the iterator inline in compiled
# code while items are left; exhaustion and other iterators take tp_iternext.


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def over_list(items):
    out = []
    for x in items:
        out.append(x)
        if x == 2:
            items.append(99)  # the list grows while it is iterated: its size is read each time
        if x == 5:
            del items[-1]  # and shrinks
    return out


def over_tuple(items):
    total = 0
    for x in items:
        total += x
    return total


def over_range(r):
    last = None
    count = 0
    for i in r:
        last = i
        count += 1
    return count, last


def resumed(it):
    # The same iterator after a break, and once exhausted.
    first = []
    for x in it:
        first.append(x)
        if len(first) == 2:
            break
    rest = [x for x in it]
    again = [x for x in it]
    return first, rest, again


def drops(items):
    # The loop holds the only reference to the items: each is released as python does.
    for x in items:
        print("at", x.n)
    print("done")


def main():
    for k in range(6):
        print(over_list([1, 2, 3, 4, 5, 6][: k + 1]))
        print(over_tuple(tuple(range(k * 3))))
        print(over_range(range(k)), over_range(range(10, -10, -3 - k)))
    print(over_range(range(2 ** 62, 2 ** 62 + 3)), over_range(range(2 ** 63 - 2, 2 ** 63 + 2)))
    print(over_range(range(-300, 300, 97)))
    print(over_tuple([4, 5, 6]), over_tuple({7: 0, 8: 0}))  # other iterators at a tuple site
    print(resumed(iter([1, 2, 3, 4, 5])))
    print(resumed(iter((1, 2, 3))), resumed(iter(range(4))), resumed(iter("abc")))
    drops([Noisy(1), Noisy(2), Noisy(3)])
    try:
        over_tuple((1, "x"))
    except TypeError as e:
        print("TypeError", e)
    over_range(range(3))[5]


main()
