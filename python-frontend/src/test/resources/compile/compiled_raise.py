# RAISE_VARARGS of instances and DELETE_FAST, compiled at first call.
def fail(n):
    if n > 2:
        raise ValueError("too big: %d" % n)
    return n


def guarded(n):
    try:
        return fail(n)
    except ValueError as e:
        return "caught " + str(e)


def local_raise(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        return "local " + repr(e)


def chained():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")


def reraise_saved():
    saved = None
    try:
        fail(5)
    except ValueError as e:
        saved = e
    raise saved


def by_class():
    raise TypeError


def not_an_exception():
    raise 42


def deleting(n):
    x = n * 2
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + str(e)


def delete_twice():
    y = 1
    del y
    del y


for k in range(4):
    print(guarded(k), local_raise(k), deleting(k))
for f in (chained, reraise_saved, by_class, not_an_exception, delete_twice):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, repr(e.__context__), e.__traceback__.tb_next.tb_lineno)
chained()
