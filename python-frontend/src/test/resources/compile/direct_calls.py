# Calls from compiled code straight into compiled callees (DirectCall): run with a threshold
# above 1 so that the interpreter has specialised the CALLs to CALL_PY_EXACT_ARGS first.
import sys


def add(a, b):
    return a + b


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def frame_line(self):
        return sys._getframe().f_lineno, sys._getframe(1).f_code.co_name


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def fail(n):
    if n == 0:
        raise KeyError(n)
    return fail(n - 1)


def gen(n):
    yield n
    yield n + 1


def outer():
    v = 5

    def inner(a):
        return a + v
    return inner


inner = outer()


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    def peek():
        return count
    return bump, peek


bump, peek = make_counter()


def make_adder(k):
    # An argument that is a cell: MAKE_CELL made by the caller.
    def add(x):
        return x + k
    return add


def fresh_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count
    return step


def outer2(a):
    def middle(b):
        # A free variable (a) and a cell (b) in one frame.
        def innermost(c):
            return a + b + c
        return innermost
    return middle


middle = outer2(100)


def cells():
    total = 0
    for i in range(10):
        total += make_adder(i)(1) + fresh_counter()() + middle(i)(1)
    return total


def closures():
    # Free variables copied into the callee's frame: bump's cell is shared with peek.
    total = 0
    for i in range(10):
        total += bump(i) + inner(i)
    return total, peek()


def caller():
    total = 0
    p = P(3)
    for i in range(50):
        total += add(i, 1) + p.get() + fib(5)
    return total


def catcher():
    try:
        fail(3)
    except KeyError as e:
        return "caught %r" % (e,)


def frames():
    p = P(1)
    return p.frame_line()


def others():
    return list(gen(2)), inner(1), deep(3)


for k in range(20):
    r = caller(), catcher(), frames(), deep(50), others(), closures(), cells()
print(r)

limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    deep(500)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(limit)
print(deep(150))

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("add", "fib"):
        events.append((frame.f_code.co_name, event))
    return None


sys.settrace(tracer)
print(caller())
sys.settrace(None)
print(len(events), events[:4])


def add(a, b):
    return a - b


print(caller())


def cell_fails(n, at):
    # The allocation of make_adder's cell fails once (_testcapi's allocator hooks, set on every
    # turn so that the call site is warm and compiled like the rest): the MemoryError is raised
    # at its MAKE_CELL, where the frame is not complete yet (no traceback entry of its own).
    import _testcapi
    out = []
    for i in range(n):
        first, end = (0, 1) if i == at else (1 << 30, (1 << 30) + 1)
        _testcapi.set_nomemory(first, end)
        try:
            f = make_adder(i)
        except MemoryError as e:
            _testcapi.remove_mem_hooks()
            out.append(("MemoryError", e.__traceback__.tb_lineno, e.__traceback__.tb_next))
            continue
        _testcapi.remove_mem_hooks()
        out.append(f(1))
    return out


# The failed call's frame is popped: it leaves no reference to make_adder behind.
base = sys.getrefcount(make_adder)
for k in range(8):
    r = cell_fails(6, 3 if k >= 6 else -1)
print(r, sys.getrefcount(make_adder) - base)
fail(2)
