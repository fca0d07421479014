class AppError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"bad number {s!r}") from e

def level3():
    return parse("12") + parse("x1")

def level2():
    try:
        level3()
    finally:
        print("cleanup in level2")

for exc in (ZeroDivisionError, KeyError, IndexError):
    try:
        {ZeroDivisionError: lambda: 1 / 0, KeyError: lambda: {}["k"], IndexError: lambda: [][1]}[exc]()
    except exc as e:
        print(type(e).__name__, e)
try:
    try:
        raise RuntimeError("first")
    except RuntimeError:
        raise TypeError("second")
except TypeError as e:
    print("context:", repr(e.__context__))
print("about to fail")
level2()
