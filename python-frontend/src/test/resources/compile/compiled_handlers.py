# Exception handlers run compiled: the unwinding into a handler continues in the body at the
# handler's PUSH_EXC_INFO, CHECK_EXC_MATCH picks the except clause, POP_EXCEPT restores the
# exception handled before. What is not compiled there (RERAISE, a bare raise, `raise ... from`, a
# tuple of classes, an invalid class) leaves for the interpreter with the exact frame.
import sys
import traceback


class Small(Exception):
    pass


class Large(Small):
    pass


def check(v):
    if v % 5 == 0:
        raise Large(v)
    if v % 3 == 0:
        raise Small(v)
    if v % 7 == 0:
        raise KeyError(v)
    return v


def classify(n):
    counts = {"ok": 0, "large": 0, "small": 0, "key": 0, "finally": 0}
    infos = []
    for v in range(n):
        try:
            check(v)
        except Large as e:
            counts["large"] += 1
            infos.append(sys.exc_info()[1] is e)
        except Small:
            counts["small"] += 1
        except (KeyError, IndexError):
            counts["key"] += 1
        else:
            counts["ok"] += 1
        finally:
            counts["finally"] += 1
    return counts, all(infos), len(infos), sys.exc_info()


def nested(n):
    log = []
    for v in range(n):
        try:
            check(v)
        except Small as outer:
            try:
                check(v + 1)
            except Exception as inner:
                log.append(("inner", inner.args[0], sys.exc_info()[1] is inner))
            log.append(("outer", outer.args[0], sys.exc_info()[1] is outer))
        except KeyError:
            log.append(("key", v))
    return log


def context(v):
    try:
        check(v)
    except Small as e:
        raise ValueError("while handling %d" % v)


def chained(v):
    try:
        check(v)
    except Small as e:
        raise ValueError("from %d" % v) from e


def bare(v):
    try:
        check(v)
    except Small:
        raise


def unmatched(v):
    try:
        check(v)
    except IndexError:
        return "never"
    return "ok"


def invalid(v):
    try:
        check(v)
    except 5:
        return "never"
    return "ok"


def gen(n):
    for v in range(n):
        try:
            check(v)
        except Small as e:
            yield ("caught", v, sys.exc_info()[1] is e)
            yield ("still", sys.exc_info()[1] is e)
        yield ("after", sys.exc_info()[1])


def show(f, v):
    try:
        return f(v)
    except Exception as e:
        ctx = e.__context__
        return (type(e).__name__, str(e), type(ctx).__name__ if ctx is not None else None,
                e.__cause__ is not None, e.__suppress_context__)


for rounds in range(3):
    print(classify(40))
    print(nested(16))
    print([show(f, v) for f in (context, chained, bare, unmatched, invalid) for v in (3, 5, 7, 8)])
    print(list(gen(7)))
    print(sys.exc_info())

try:
    try:
        check(10)
    except Small as e:
        raise ValueError("in handler")
except ValueError:
    traceback.print_exc()
context(9)
