# Int loops that subscript list locals: items loaded as ints or tested for truth, ints and
# constants stored (bench/python/programs/sieve.py stores False); every access the loop does not
# do itself (an index outside the list, a non-int item, an item neither True nor False where
# tested, a store that would free the item it replaces) is done by the generic code, with
# python's results and errors.
import traceback


def total(values, n):
    # Items read as ints; the last call's list holds a float and a big int.
    t = 0
    i = 0
    while i < n:
        t = t * 3 + values[i] % 1000
        i += 1
    return t


def squares(out, n):
    # Ints stored (boxed); small ones replace immortal items, big ones replace the loop's own.
    i = 0
    while i < n:
        out[i] = i * i * 1000003
        i += 1
    return out[n - 1]


def truths(items, n):
    # True/False in the loop; None, 0 and 2 left to the generic jump.
    i = 0
    c = 0
    while i < n:
        if items[i]:
            c += 1
        i += 1
    return c


def beyond(values, n):
    # Negative indexes count from the end (generic code); past the end raises IndexError.
    i = -2
    t = 0
    while i < n:
        t += values[i]
        i += 1
    return t


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def replace(slots, n):
    # The replaced items are only referenced by the list: the generic STORE_SUBSCR frees them,
    # and their __del__ prints in python's order.
    i = 0
    while i < n:
        slots[i] = 7
        i += 1
    return slots


for n in (3, 50, 200):
    print("total", total(list(range(7, 7 + n)), n))
print("total mixed", total([1, 2.5, 10 ** 30, 4], 4))
print("squares", squares([0] * 40, 40), squares([None] * 5, 5))
print("truths", truths([True, False, True] * 10, 30), truths([True, None, 0, 2, False, True], 6))
print("beyond", beyond([1, 2, 3, 4], 3))
try:
    beyond([1, 2, 3], 5)
except IndexError:
    traceback.print_exc()
print("replace", replace([Loud("a"), Loud("b"), 5], 3))
