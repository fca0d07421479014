# sys.settrace and sys.setprofile users (debuggers, coverage): every event must be seen as in python.
import sys
import threading


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def loop(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


def gen(n):
    for i in range(n):
        yield i


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


for _ in range(2000):  # hot before tracing starts
    fib(5), loop(5)
sys.settrace(tracer)
print(fib(6), loop(4), list(gen(3)))
sys.settrace(None)
print(len(events))
for e in events[:40]:
    print(*e)

calls = {}


def profiler(frame, event, arg):
    if event in ("call", "c_call"):
        key = (event, frame.f_code.co_name if event == "call" else arg.__name__)
        calls[key] = calls.get(key, 0) + 1


sys.setprofile(profiler)
print(fib(12), loop(100), sum(gen(10)), len("abc"))
sys.setprofile(None)
print(sorted(calls.items()))

seen = []
threading.settrace(lambda f, e, a: seen.append(f.f_code.co_name) if e == "call" else None)
t = threading.Thread(target=loop, args=(10,))
t.start()
t.join()
threading.settrace(None)
print(sorted(set(seen)))
print(sys.gettrace(), sys.getprofile())
