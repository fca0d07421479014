#!/usr/bin/env python3
"""Share of executed bytecode that runs in compiled code, per program and in total.

Usage: bench/python/share.py [--env VAR=value]... [--timeout S] [PROGRAM.py | DIRECTORY]...
       (default: the test corpus, python-frontend/src/test/python)

For every program (a program whose first lines carry a launcher directive, `# mode:`, `# argv:`,
`# stdin:` or `# options:`, needs its harness and is skipped):

* executed instructions: python3.12 runs the program with a sys.monitoring tool (id 3) that turns
  on INSTRUCTION events for every code object at its PY_START and counts them. Counting starts
  just before the program's own module code runs (the program is compiled and executed in a fresh
  `__main__` module, not through runpy, so the counter's set-up is not counted) and ends at exit
  (atexit handlers and other threads included);
* instructions run compiled: pyjit runs the program with `PYJIT_COMPILE=1 PYJIT_THRESHOLD=1
  PYJIT_STATS=1` (and any --env given), and the per-body counters of the statistics table are
  summed (`entries E, instructions N` on every function and loop body line). Compiled code
  counts a straight-line run of instructions (up to the end of its bytecode block or to an
  instruction it never compiles) when the run starts, so a run left early, by an exception or a
  deoptimising guard, also counts the instructions after that exit: an overestimate bounded by
  the exits (listed in the same table) times the length of a run;
* share = compiled / executed. Both sides run the same program; pyjit's own start-up code (a few
  hundred instructions) is not in the denominator.

The total is the sum of compiled instructions over the sum of executed instructions (programs
weighted by their instruction counts). Standard library only; progress goes to stderr.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "python-frontend", "src", "test", "python")
PYJIT = os.path.join(ROOT, "bin", "pyjit")
DIRECTIVE = re.compile(r"^# (mode|argv|stdin|options):", re.M)
BODY_LINE = re.compile(r"entries \d+, instructions (\d+)")

COUNTER = r'''
import sys
path = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = __import__("os").path.dirname(path) or "."
with open(path, "rb") as f:
    code = compile(f.read(), path, "exec")
main = type(sys)("__main__")
main.__file__ = path
main.__builtins__ = __builtins__
sys.modules["__main__"] = main
monitoring = sys.monitoring
count = 0
def instruction(code, offset):
    global count
    count += 1
def start(code, offset):
    monitoring.set_local_events(3, code, monitoring.events.INSTRUCTION)
def report():
    sys.__stderr__.write("\nEXECUTED %d\n" % count)
monitoring.use_tool_id(3, "share")
monitoring.register_callback(3, monitoring.events.INSTRUCTION, instruction)
monitoring.register_callback(3, monitoring.events.PY_START, start)
__import__("atexit").register(report)
monitoring.set_events(3, monitoring.events.PY_START)
start(code, 0)
exec(code, main.__dict__)
'''


def python312():
    explicit = os.environ.get("PYJIT_PYTHON")
    if explicit:
        return explicit
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        versions = sorted(v for v in os.listdir(os.path.join(root, "versions")) if v.startswith("3.12"))
        if versions:
            return os.path.join(root, "versions", versions[-1], "bin", "python3.12")
    except (OSError, subprocess.CalledProcessError):
        pass
    return "python3.12"


def programs(args):
    paths = []
    for arg in args or [CORPUS]:
        if os.path.isdir(arg):
            paths += sorted(os.path.join(os.path.abspath(arg), f) for f in os.listdir(arg) if f.endswith(".py"))
        else:
            paths.append(os.path.abspath(arg))
    result = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = "".join(f.readline() for _ in range(5))
        if not DIRECTIVE.search(head):
            result.append(path)
    return result


def executed(python, counter, path, timeout):
    run = subprocess.run([python, counter, path], capture_output=True, text=True, timeout=timeout,
                         cwd=os.path.dirname(path), stdin=subprocess.DEVNULL)
    found = re.findall(r"^EXECUTED (\d+)$", run.stderr, re.M)
    return int(found[-1]) if found else None


def compiled(path, env, timeout):
    run = subprocess.run([PYJIT, path], capture_output=True, text=True, timeout=timeout, env=env,
                         cwd=os.path.dirname(path), stdin=subprocess.DEVNULL)
    if "pyjit statistics" not in run.stderr:
        return None
    return sum(int(n) for n in BODY_LINE.findall(run.stderr))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", help="programs or directories (default: the test corpus)")
    parser.add_argument("--env", action="append", default=[], metavar="VAR=value",
                        help="extra environment for pyjit, e.g. PYJIT_OSR=1; repeatable")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    args = parser.parse_args()
    env = dict(os.environ, PYJIT_COMPILE="1", PYJIT_THRESHOLD="1", PYJIT_STATS="1")
    for assignment in args.env:
        name, _, value = assignment.partition("=")
        env[name] = value
    python = python312()
    total_executed = total_compiled = 0
    print("| program | executed | compiled | share |")
    print("|---|---:|---:|---:|")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(COUNTER)
        counter = f.name
    try:
        for path in programs(args.paths):
            name = os.path.basename(path)
            print("share: " + name, file=sys.stderr)
            try:
                e = executed(python, counter, path, args.timeout)
                c = compiled(path, env, args.timeout)
            except subprocess.TimeoutExpired:
                e = c = None
            if e is None or c is None:
                print(f"| {name} | {e if e is not None else 'failed'} | {c if c is not None else 'failed'} | |")
                continue
            total_executed += e
            total_compiled += c
            share = f"{100.0 * c / e:.1f}%" if e else ""
            print(f"| {name} | {e} | {c} | {share} |")
    finally:
        os.unlink(counter)
    share = 100.0 * total_compiled / total_executed if total_executed else 0.0
    print(f"| **total** | {total_executed} | {total_compiled} | **{share:.1f}%** |")


if __name__ == "__main__":
    main()
