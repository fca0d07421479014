# mode: -
# argv: x
import sys
print("program read from stdin:", sys.argv, __file__ if "__file__" in dir() else "no __file__")
def f(n):
    return n if n < 2 else f(n - 1) + f(n - 2)
print(f(20))
raise ValueError("traceback from <stdin>")
