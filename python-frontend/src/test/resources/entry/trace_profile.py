import sys

def step(a, b):
    c = a * 2
    if c > b:
        return c - b
    return b - c

def loop(n):
    t = 0
    i = 0
    while i < n:
        t = t + i
        i += 1
    return t

for k in range(3):
    step(k, 2)
    loop(3)

events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("step", "loop"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer
    return None

sys.settrace(tracer)
result = step(5, 3), loop(4)
sys.settrace(None)
print("settrace", result, events)

events.clear()
def profiler(frame, event, arg):
    if frame.f_code.co_name in ("step", "loop"):
        events.append((frame.f_code.co_name, event, frame.f_lineno, repr(arg)))
sys.setprofile(profiler)
result = step(1, 7), loop(2)
sys.setprofile(None)
print("setprofile", result, events)
print("untraced again", step(4, 1), loop(3))
