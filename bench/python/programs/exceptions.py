"""Exceptions as control flow: a small hierarchy of exception classes raised from a helper and
caught in a loop, try/except/else/finally, re-raising with `raise ... from`, and exceptions
caught by a base class.

Stresses: exception object creation, raising and unwinding one or two frames, matching except
clauses, finally blocks, the `__cause__` link.
Usage: exceptions.py [SIZE]   SIZE = loop iterations (default 750000).
"""
import sys


class AppError(Exception):
    pass


class TooSmall(AppError):
    def __init__(self, value):
        AppError.__init__(self, value)
        self.value = value


class TooLarge(AppError):
    pass


class Wrapped(Exception):
    pass


def check(value):
    if value % 7 == 0:
        raise TooSmall(value)
    if value % 11 == 0:
        raise TooLarge("large %d" % value)
    if value % 13 == 0:
        return int("x%d" % value)  # ValueError from a builtin
    return value * 2


def wrapped(value):
    try:
        return check(value)
    except TooLarge as e:
        raise Wrapped(value) from e


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 750000
    small = large = bad = ok = cleanups = total = chained = 0
    for i in range(n):
        try:
            total += check(i)
        except TooSmall as e:
            small += 1
            total -= e.value
        except AppError:
            large += 1
        except ValueError:
            bad += 1
        else:
            ok += 1
        finally:
            cleanups += 1
        try:
            wrapped(i)
        except Wrapped as e:
            if isinstance(e.__cause__, TooLarge):
                chained += 1
        except Exception:
            pass
    print("exceptions", n, small, large, bad, ok, cleanups, chained, total)


main()
