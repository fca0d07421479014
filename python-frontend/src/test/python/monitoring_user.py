# A program that uses sys.monitoring itself (tool ids 0-2), including DISABLE and
# restart_events(), which also re-arms locations other tools disabled.
import sys

mon = sys.monitoring
E = mon.events
counts = {}


def count(name):
    def callback(*args):
        counts[name] = counts.get(name, 0) + 1
    return callback


def disabling(*args):
    counts["disabling"] = counts.get("disabling", 0) + 1
    return mon.DISABLE


def work(n):
    total = 0
    for i in range(n):
        if i % 3:
            total += i
    return total


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("free ids:", [t for t in range(5) if mon.get_tool(t) is None])
mon.use_tool_id(mon.DEBUGGER_ID, "dbg")
mon.use_tool_id(mon.COVERAGE_ID, "cov")
mon.use_tool_id(mon.PROFILER_ID, "prof")
mon.register_callback(mon.DEBUGGER_ID, E.PY_START, count("start"))
mon.register_callback(mon.DEBUGGER_ID, E.PY_RETURN, count("return"))
mon.register_callback(mon.COVERAGE_ID, E.LINE, disabling)
mon.register_callback(mon.PROFILER_ID, E.JUMP, count("jump"))
mon.register_callback(mon.PROFILER_ID, E.BRANCH, count("branch"))
mon.set_events(mon.DEBUGGER_ID, E.PY_START | E.PY_RETURN)
mon.set_events(mon.COVERAGE_ID, E.LINE)
mon.set_events(mon.PROFILER_ID, E.JUMP | E.BRANCH)
print(work(3000), fib(15))
print(sorted(counts.items()))
counts.clear()
mon.restart_events()
print(work(3000), fib(15))
print(sorted(counts.items()))
counts.clear()
mon.set_events(mon.COVERAGE_ID, 0)
mon.set_local_events(mon.COVERAGE_ID, work.__code__, E.LINE | E.INSTRUCTION)
mon.register_callback(mon.COVERAGE_ID, E.INSTRUCTION, count("instruction"))
print(work(50), fib(10))
print(sorted(counts.items()))
for t in (mon.DEBUGGER_ID, mon.COVERAGE_ID, mon.PROFILER_ID):
    mon.set_events(t, 0)
    mon.free_tool_id(t)
counts.clear()
print(work(3000), fib(15), counts)
