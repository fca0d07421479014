# Which entries the monitoring callbacks take under PYJIT_ENTER=loops (the default at thresholds
# above 1): only those from which a loop can be reached before the frame returns or yields.


def tiny(x):
    # No loop: PY_START declines it. Hot called from C (map) first: compiled, entered through its
    # vectorcall slot by map and directly by looping's compiled calls.
    return x * 2 + 1


def halve(x):
    # No loop, called from C only: compiled, entered through its vectorcall slot only.
    return x // 2


def fact(n):
    # No loop, called by itself only: not compiled at all.
    return 1 if n < 2 else n * fact(n - 1)


def looping(n):
    # A loop: entered from the interpreter; its calls of tiny are direct calls.
    t = 0
    for i in range(n):
        t += tiny(i)
    return t


def each(items):
    # Every turn of the loop yields: each resumption runs one turn, so not compiled at all.
    for x in items:
        yield x + 1


def sparse(items):
    # Turns that do not yield loop on inside the frame: entered at both RESUMEs.
    for x in items:
        if x % 10 == 0:
            yield x


def halves(items):
    # Every other turn yields: about two turns a resumption, too few to pay for entering the
    # body at each one, so not compiled.
    for x in items:
        if x % 2 == 0:
            yield x


def drive():
    total = sum(map(tiny, range(300)))  # a C caller
    total += sum(map(halve, range(300))) + fact(40) % 1000
    total += sum(looping(20) for _ in range(50))
    total += sum(each(range(3000)))
    total += sum(sparse(range(3000)))
    total += sum(halves(range(3000)))
    return total


print(drive())
print(tiny(5), halve(7), fact(5), looping(3), list(each([1, 2])), list(sparse([0, 5, 10])))
