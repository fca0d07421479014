import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("work", "leaf"):
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


def switch(on):
    sys.settrace(tracer if on else None)


def leaf(x):
    return x + 1


def work(n, flip):
    s = 0
    for i in range(n):
        if i == flip:
            switch(True)
        s += leaf(i)
    return s


for k in range(3):
    print(work(5, -1))
print(work(5, 2))
switch(False)
print(events)
events.clear()
print(work(4, -1), events)
