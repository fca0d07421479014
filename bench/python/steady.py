"""Runs one benchmark program's main() several times in one process and reports the time of each
run: the in-process ("steady state") measurement of run.py --steady, as pyperformance's worker
processes measure (warm-up runs first, then timed values).

Usage: steady.py WARMUPS RUNS PROGRAM.py [ARGS...]

The program must end with the statement `main()`; everything before it runs once, as a module
named `__main__` whose sys.argv is [PROGRAM.py, ARGS...]. Then main() runs WARMUPS + RUNS times,
each with its stdout captured. The first run's output is written to stdout (the checksum run.py
compares); a later run that prints something else is an error (exit status 3). The wall time of
every run (time.perf_counter, in ms) goes to stderr as `steady-ms: warm-up... | timed...`, then
the CPU time of the thread that ran it (time.thread_time, in ms: a run preempted by other work on
the machine does not count the time it waited) as the last line, `steady-cpu-ms: ... | ...`.
"""
import ast
import contextlib
import io
import sys
import time
import types


def main():
    if len(sys.argv) < 4 or not sys.argv[1].isdigit() or not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
        sys.exit("usage: steady.py WARMUPS RUNS PROGRAM.py [ARGS...] (RUNS at least 1)")
    warmups, runs, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(path) as f:
        tree = ast.parse(f.read(), path)
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Name) and last.value.func.id == "main"
            and not last.value.args and not last.value.keywords):
        sys.exit("steady.py: %s does not end with the statement `main()`" % path)
    tree.body.pop()
    sys.argv = sys.argv[3:]
    module = types.ModuleType("__main__")
    module.__file__ = path
    sys.modules["__main__"] = module
    exec(compile(tree, path, "exec"), module.__dict__)
    program_main = module.__dict__["main"]

    times, cpu, first = [], [], None
    for k in range(warmups + runs):
        out = io.StringIO()
        start = time.perf_counter()
        start_cpu = time.thread_time()
        with contextlib.redirect_stdout(out):
            program_main()
        cpu.append((time.thread_time() - start_cpu) * 1e3)
        times.append((time.perf_counter() - start) * 1e3)
        if first is None:
            first = out.getvalue()
            sys.stdout.write(first)
            sys.stdout.flush()
        elif out.getvalue() != first:
            print("steady.py: run %d of main() printed %r, the first printed %r" % (k + 1, out.getvalue(), first),
                  file=sys.stderr)
            sys.exit(3)
    print("steady-ms: %s | %s" % (" ".join("%.1f" % t for t in times[:warmups]),
                                  " ".join("%.1f" % t for t in times[warmups:])), file=sys.stderr)
    print("steady-cpu-ms: %s | %s" % (" ".join("%.1f" % t for t in cpu[:warmups]),
                                      " ".join("%.1f" % t for t in cpu[warmups:])), file=sys.stderr)


if __name__ == "__main__":
    main()
