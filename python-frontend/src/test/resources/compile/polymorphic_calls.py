# Call sites that meet several Python functions: the interpreter's cache names one, a compiled site
# calls every simple function (no *args, **kwargs or keyword-only parameters, the number of
# arguments it takes) directly, and anything else through the vectorcall: a function with *args,
# one with a keyword-only parameter, a generator function, one given the wrong number of
# arguments (TypeError), a builtin, a class.


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Rect(Square):
    def __init__(self, side, other):
        Square.__init__(self, side)
        self.other = other

    def area(self):
        return self.side * self.other


class Circle(Square):
    def area(self):
        return 3 * self.side * self.side


class Odd(Square):
    def area(self, *scale):
        return -self.side


def inc(x):
    return x + 1


def dbl(x):
    return 2 * x


def neg(x):
    return -x


def keyword_only(x, *, by=5):
    return x + by


def pair(x, y):
    return x + y


def countdown(x):
    yield x


def areas(shapes):
    total = 0
    for s in shapes:
        total += s.area()
    return total


def pipeline(fns, x):
    for f in fns:
        x = f(x)
    return x


def main():
    shapes = [Square(2), Rect(2, 3), Circle(1), Square(5), Rect(1, 4), Circle(2)]
    fns = [inc, dbl, neg, inc, dbl]
    for _ in range(6):
        print(areas(shapes), pipeline(fns, 3))
    print(areas(shapes + [Odd(7)]), pipeline(fns + [keyword_only, abs, str], 4))
    print(pipeline([inc, countdown], 1).__class__.__name__)
    try:
        pipeline([inc, pair], 1)
    except TypeError as e:
        print("TypeError:", e)
    # A function rebound to other code under a compiled site.
    inc.__code__ = neg.__code__
    print(pipeline(fns, 3), areas(shapes))


main()
