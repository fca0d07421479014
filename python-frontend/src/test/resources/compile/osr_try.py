# Loops whose header is covered by the exception table (inside try or with, and 3.12's inlined
# comprehensions), taken over by on-stack replacement in a call that runs once: exceptions in the
# loop reach the right handler, control leaving the loop goes on in the interpreter, and an
# exception after the loop (outside the try) is not caught by the loop's handler.
import sys


class Box:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, kind, value, tb):
        self.log.append(("exit", kind.__name__ if kind else None))
        return kind is KeyError


def in_try(n, fail_at):
    total = 0
    try:
        for i in range(n):
            total += i * 3
            if i == fail_at:
                raise ValueError(i)
    except ValueError as e:
        total = -total
        print("caught", e)
    return total


def in_with(n, fail_at):
    box = Box()
    with box:
        k = 0
        while k < n:
            k += 1
            if k == fail_at:
                {}["missing"]
    return k, box.log


def comprehensions(n):
    evens = [i for i in range(n) if i % 2 == 0]
    try:
        evens[0] + None
    except TypeError:
        pass
    squares = {i: i * i for i in range(n) if i % 3}
    chars = {str(i)[-1] for i in range(n)}
    return len(evens), sum(squares.values()) % 1000003, sorted(chars)


def comprehension_raises(n, bad):
    try:
        return [10 // (i - bad) for i in range(n)]
    except ZeroDivisionError as e:
        return "caught " + str(e)


def nested_try_in_loop(n):
    count = 0
    try:
        for i in range(n):
            try:
                if i % 7 == 0:
                    raise KeyError(i)
                count += 1
            except KeyError:
                count += 2
    finally:
        count = -count
    return count


def after_loop_raises(n):
    try:
        s = 0
        for i in range(n):
            s += i
    except TypeError:
        return "wrong handler"
    return s + None


for n in (5000, 20000):
    print(in_try(n, -1), in_try(n, n - 3))
    print(in_with(n, -1), in_with(n, n // 2)[0] if False else None)
    try:
        in_with(n, n // 2)
    except KeyError as e:
        print("with re-raised KeyError", e)
    print(comprehensions(n))
    print(comprehension_raises(n, n - 10), comprehension_raises(n, -1)[-3:])
    print(nested_try_in_loop(n))
try:
    after_loop_raises(10000)
except TypeError as e:
    print("TypeError:", e)
after_loop_raises(3000)
