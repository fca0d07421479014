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

m = sys.monitoring
E = m.events
seen = []
def record(name):
    def callback(code, *args):
        if code.co_name in ("step", "loop"):
            seen.append((name, code.co_name) + args)
    return callback

for tool in range(5):
    m.use_tool_id(tool, "tool %d" % tool)
    for name in ("PY_START", "PY_RETURN", "LINE", "JUMP", "BRANCH"):
        m.register_callback(tool, getattr(E, name), record("%d %s" % (tool, name)))
    m.set_events(tool, E.PY_START | E.PY_RETURN | E.LINE | E.JUMP | E.BRANCH)
    result = step(4, 1), loop(3)
    m.set_events(tool, 0)
    print("global", tool, result, seen)
    seen.clear()
    m.set_local_events(tool, step.__code__, E.PY_START | E.PY_RETURN | E.LINE)
    result = step(0, 0), step(9, 1), loop(2)
    m.set_local_events(tool, step.__code__, 0)
    print("local", tool, result, seen)
    seen.clear()
    m.free_tool_id(tool)
print("unmonitored again", step(4, 1), loop(3), seen)
