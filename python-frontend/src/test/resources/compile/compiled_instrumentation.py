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

# A sys.monitoring tool comes and goes (local line events on work, global calls): python3.12's
# events while it is there, and the same results after it is gone.
mon = sys.monitoring
lines = []
mon.use_tool_id(3, "lines")
mon.register_callback(3, mon.events.LINE, lambda code, line: lines.append((code.co_name, line)))
mon.set_local_events(3, work.__code__, mon.events.LINE)
print(work(3, -1), lines)
mon.set_local_events(3, work.__code__, 0)
mon.register_callback(3, mon.events.LINE, None)
mon.free_tool_id(3)
lines.clear()
print([work(n, -1) for n in range(6)], lines, events)
