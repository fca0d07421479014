import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(numbers(3)))

# sys.settrace switched on while a compiled generator is suspended: its resumptions are traced.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "numbers":
        events.append((event, frame.f_lineno, repr(arg)))
        return tracer
    return None


g = numbers(4)
print(next(g))
sys.settrace(tracer)
print(next(g), next(g))
sys.settrace(None)
print(list(g))
print("settrace", events)

# A monitoring tool sees every resumption and yield of a generator running while it is active.
m = sys.monitoring
seen = []
m.use_tool_id(2, "watch")
m.register_callback(2, m.events.PY_RESUME, lambda code, offset: seen.append(("resume", code.co_name, offset)))
m.register_callback(2, m.events.PY_YIELD,
                    lambda code, offset, value: seen.append(("yield", code.co_name, offset, value)))
g = numbers(4)
print(next(g))
m.set_events(2, m.events.PY_RESUME | m.events.PY_YIELD)
print(next(g), next(g))
m.set_events(2, 0)
print(list(g))
m.free_tool_id(2)
print("monitoring", [s for s in seen if s[1] == "numbers"])
