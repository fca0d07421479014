# A loop whose FOR_ITER needs an EXTENDED_ARG (its body is longer than 255 code units), taken over
# by on-stack replacement, while the instrumentation changes under it: the loop body leaves after
# the call that changed it and is entered again at the next back edge, at the header's prefix.
import sys

E = sys.monitoring.events


def toggle():
    sys.monitoring.use_tool_id(2, "toggler")
    sys.monitoring.set_events(2, E.PY_RETURN)
    sys.monitoring.set_events(2, 0)
    sys.monitoring.free_tool_id(2)


def long_loop(items):
    total = 0
    seen = []
    for k, v in enumerate(items):
        a = v + 1; b = a * 2; c = b - 3; d = c + a; e = d * b
        f = e - c; g = f + d; h = g * 2; i = h - e; j = i + f
        a = j + 1; b = a * 2; c = b - 3; d = c + a; e = d * b
        f = e - c; g = f + d; h = g * 2; i = h - e; j = i + f
        a = j + 1; b = a * 2; c = b - 3; d = c + a; e = d * b
        f = e - c; g = f + d; h = g * 2; i = h - e; j = i + f
        a = j + 1; b = a * 2; c = b - 3; d = c + a; e = d * b
        f = e - c; g = f + d; h = g * 2; i = h - e; j = i + f
        total = (total + j) % 1000003
        seen.append(str(k))
        if k == 40:
            toggle()
    return total, len(seen), seen[-1], items[-1]


data = list(range(100))
print(long_loop(data))
print(long_loop(data[:50]))
print(sys.getrefcount(data))
