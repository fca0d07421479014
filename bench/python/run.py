#!/usr/bin/env python3
"""Runs the Python benchmark programs (bench/python/programs) under several implementations and
prints a Markdown table of median wall times and speed-ups over python3.12.

Usage: bench/python/run.py [--programs a,b] [--rounds N] [--size N | --size PROG=N]...
                           [--impl NAME=COMMAND]... [--impls a,b] [--subtract-startup] [--cpu]
                           [--steady W:N] [--timeout S] [--list]

Implementations by default: `python3.12` (found as bin/pyjit finds it: PYJIT_PYTHON, a working
python3.12 on PATH, the newest 3.12 under pyenv's versions), `pyjit` (bin/pyjit with this
process's environment as given), `pyjit-compile` (the same plus PYJIT_COMPILE=1) and `pypy3`
when one runs from PATH. `--impl NAME=COMMAND` adds one or replaces the one of that name; the
command is split like a shell line, may start with VAR=value assignments for its environment,
and a relative path in it is taken from the checkout's root (`--impl "t1=PYJIT_THRESHOLD=1
bin/pyjit"`). python3.12 is the reference: its first output of a program is the checksum every
other run of that program must print.

Timing: each round runs every program once under every implementation, in an order rotated from
program to program and round to round, so that a change in machine load hits all alike. One run
is the wall time of the whole process (time.perf_counter around subprocess.run), start-up
included. With --subtract-startup every round also times `COMMAND -c pass` per implementation,
and a second table gives the program's median minus that median. Speed-up = python3.12's median
/ the implementation's median (above 1 = faster); the geometric mean is over the programs both
ran correctly. A run whose output differs from the reference, or that fails, is reported at once
on stderr and again at the end, and the exit status is 1.

In-process (steady-state) mode, --steady W:N: instead of timing whole processes, every run is one
process executing the program's main() W + N times (bench/python/steady.py: W warm-up runs, then
N timed ones, each output checked against the first), as pyperformance's workers measure. A run's
time is the median wall time of its N timed main() calls; the table reports the median of that
over rounds. Start-up, imports and whatever a JIT compiles during the warm-up runs are left out:
this measures the code a long-running program runs once it is warm, not a short program's cost.
With --cpu, a second table gives the CPU time of the thread that ran the main() calls
(time.thread_time), which leaves out the time a run waited while the machine ran other work.

Standard library only; results go to stdout, progress to stderr.
"""
import argparse
import datetime
import math
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(HERE, "programs")
PYJIT = os.path.join(ROOT, "bin", "pyjit")
STEADY = os.path.join(HERE, "steady.py")
STEADY_LINE = re.compile(r"^steady-ms: ([0-9. ]*)\|([0-9. ]*)$", re.M)
STEADY_CPU_LINE = re.compile(r"^steady-cpu-ms: ([0-9. ]*)\|([0-9. ]*)$", re.M)
REFERENCE = "python3.12"
VERSION_PROBE = "import platform; print(platform.python_implementation(), platform.python_version())"


class Impl:
    """One implementation: a name, an argv prefix and the environment it runs with."""

    def __init__(self, name, argv, env, origin):
        self.name = name
        self.argv = argv
        self.env = env
        self.origin = origin  # how it was chosen, for the report
        self.version = "?"

    def describe(self):
        extra = sorted(k for k in self.env if self.env[k] != os.environ.get(k))
        assignments = " ".join("%s=%s" % (k, self.env[k]) for k in extra)
        return (assignments + " " if assignments else "") + " ".join(self.argv)


# -- finding python3.12 the way bin/pyjit does -------------------------------------------------

def _runs_312(exe, env):
    """sys.executable of `exe` if it runs and is CPython 3.12 (a pyenv shim resolves itself)."""
    probe = "import sys; print(sys.executable); print(sys.version_info[:2] == (3, 12))"
    try:
        out = subprocess.run([exe, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = out.stdout.split()
    if out.returncode == 0 and len(lines) == 2 and lines[1] == "True":
        return lines[0]
    return None


def _pyenv_root(env):
    if env.get("PYENV_ROOT"):
        return env["PYENV_ROOT"]
    for d in env.get("PATH", "").split(os.pathsep):
        if os.path.basename(d) == "shims" and os.path.isdir(os.path.join(os.path.dirname(d), "versions")):
            return os.path.dirname(d)
    pyenv = shutil.which("pyenv", path=env.get("PATH"))
    if pyenv:
        out = subprocess.run([pyenv, "root"], capture_output=True, text=True, env=env)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return os.path.join(os.path.expanduser("~"), ".pyenv")


def find_python312(env):
    """(path, how found): PYJIT_PYTHON, a working python3.12 on PATH, the newest pyenv 3.12.N."""
    forced = env.get("PYJIT_PYTHON")
    if forced:
        if not (os.path.isfile(forced) and os.access(forced, os.X_OK)):
            raise SystemExit("run.py: PYJIT_PYTHON=%s is not an executable file" % forced)
        return forced, "PYJIT_PYTHON"
    for d in env.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(d or ".", "python3.12")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            real = _runs_312(candidate, env)
            if real:
                return real, "PATH"
    versions = os.path.join(_pyenv_root(env), "versions")
    best = None
    if os.path.isdir(versions):
        for name in os.listdir(versions):
            m = re.fullmatch(r"3\.12\.(\d+)", name)
            exe = os.path.join(versions, name, "bin", "python3.12")
            if m and os.access(exe, os.X_OK) and (best is None or int(m.group(1)) > best[0]):
                best = (int(m.group(1)), exe)
    if best:
        return best[1], "pyenv"
    raise SystemExit("run.py: no python3.12 found (set PYJIT_PYTHON, put python3.12 on PATH or "
                     "install 3.12 with pyenv)")


# -- implementations ---------------------------------------------------------------------------

def parse_impl(spec, base_env):
    """NAME=[VAR=value ...] COMMAND [ARGS] -> Impl."""
    name, sep, command = spec.partition("=")
    if not sep or not name or not command.strip():
        raise SystemExit("run.py: --impl wants NAME=COMMAND, got %r" % spec)
    words = shlex.split(command)
    env = dict(base_env)
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    if not words:
        raise SystemExit("run.py: --impl %s names no command" % name)
    exe = words[0]
    if "/" in exe and not os.path.isabs(exe) and os.path.exists(os.path.join(ROOT, exe)):
        exe = os.path.join(ROOT, exe)
    elif "/" not in exe:
        exe = shutil.which(exe, path=env.get("PATH")) or exe
    return Impl(name, [exe] + words[1:], env, "--impl")


def default_impls(base_env):
    python, how = find_python312(base_env)
    impls = [Impl(REFERENCE, [python], base_env, "found via " + how),
             Impl("pyjit", [PYJIT], base_env, "bin/pyjit, environment as given"),
             Impl("pyjit-compile", [PYJIT], dict(base_env, PYJIT_COMPILE="1"),
                  "bin/pyjit with PYJIT_COMPILE=1")]
    notes = []
    pypy = shutil.which("pypy3", path=base_env.get("PATH"))
    if pypy:
        impls.append(Impl("pypy3", [pypy], base_env, "pypy3 on PATH"))
    else:
        notes.append("pypy3: not found on PATH, skipped (Debian/Ubuntu: apt-get install pypy3)")
    return impls, notes


# -- running -----------------------------------------------------------------------------------

def run_once(impl, args, timeout):
    """(wall s, cpu s, returncode, stdout, stderr) of one run; cpu = user + sys of the process
    tree, from this process's children rusage (runs are sequential)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        out = subprocess.run(impl.argv + args, stdin=subprocess.DEVNULL, capture_output=True,
                             text=True, env=impl.env, timeout=timeout, cwd=ROOT)
        rc, stdout, stderr = out.returncode, out.stdout, out.stderr
    except subprocess.TimeoutExpired as e:
        rc, stdout, stderr = "timeout after %ss" % timeout, "", str(e.stderr or "")
    except OSError as e:
        rc, stdout, stderr = "cannot start: %s" % e, "", ""
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, rc, stdout, stderr


def program_names():
    return sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))


def first_doc_line(name):
    with open(os.path.join(PROGRAMS, name + ".py")) as f:
        text = f.read()
    m = re.search(r'"""(.*?)(?:\n\n|""")', text, re.S)
    return " ".join(m.group(1).split()) if m else ""


def parse_sizes(specs, programs):
    sizes = {}
    for spec in specs:
        prog, sep, value = spec.rpartition("=")
        targets = [prog] if sep else programs
        if sep and prog not in programs:
            raise SystemExit("run.py: --size %s: no selected program %r" % (spec, prog))
        if not re.fullmatch(r"\d+", value):
            raise SystemExit("run.py: --size wants N or PROGRAM=N (N a whole number), got %r" % spec)
        for t in targets:
            sizes[t] = value
    return sizes


class Results:
    def __init__(self, impls, programs):
        self.wall = {(i.name, p): [] for i in impls for p in programs}
        self.cpu = {(i.name, p): [] for i in impls for p in programs}
        self.startup_wall = {i.name: [] for i in impls}
        self.startup_cpu = {i.name: [] for i in impls}
        self.reference = {}
        self.failed = {}  # (impl, program) -> first failure text
        self.failures = []
        self.stderr_noted = set()


def loud(message):
    print("\n!!! " + message.replace("\n", "\n!!! ") + "\n", file=sys.stderr, flush=True)


def steady_time(stderr):
    """(median of the timed main() runs' wall time in s, of their thread CPU time in s or None,
    stderr without steady.py's lines) or (None, None, stderr)."""
    times = []
    for pattern in (STEADY_LINE, STEADY_CPU_LINE):
        m = None
        for m in pattern.finditer(stderr):
            pass
        if m is None or not m.group(2).split():
            times.append(None)
            continue
        times.append(statistics.median(float(x) / 1000 for x in m.group(2).split()))
        stderr = stderr[:m.start()] + stderr[m.end():]
    return times[0], times[1], stderr.strip()


def record(results, impl, program, wall, cpu, rc, stdout, stderr, steady=False):
    key = (impl.name, program)
    if steady and rc == 0:
        wall, cpu, stderr = steady_time(stderr)
        if wall is None:
            rc = "no steady-ms line on stderr"
    if rc != 0:
        text = "FAILED: %s under %s: exit status %s\n%s" % (program, impl.name, rc, stderr.strip()[-2000:])
    else:
        got = stdout.strip()
        expected = results.reference.setdefault(program, got)
        if got != expected:
            text = ("MISMATCH: %s under %s printed a different checksum line\n  expected: %s\n"
                    "  got:      %s" % (program, impl.name, expected, got))
        else:
            results.wall[key].append(wall)
            if cpu is not None:
                results.cpu[key].append(cpu)
            if stderr.strip() and key not in results.stderr_noted:
                results.stderr_noted.add(key)
                print("note: %s under %s wrote to stderr: %s" % (program, impl.name, stderr.strip()[:500]),
                      file=sys.stderr)
            return
    loud(text)
    results.failures.append(text)
    results.failed.setdefault(key, text.split("\n")[0])


def measure(impls, programs, sizes, rounds, timeout, startup, steady=None):
    results = Results(impls, programs)
    # The reference's output comes first: run python3.12 once on each program, untimed.
    ref = impls[0]
    for p in programs:
        _, _, rc, stdout, stderr = run_once(ref, [os.path.join(PROGRAMS, p + ".py")] + sizes.get(p, []), timeout)
        if rc == 0:
            results.reference[p] = stdout.strip()
        else:
            loud("FAILED: %s under %s (reference run): exit status %s\n%s" % (p, ref.name, rc, stderr.strip()))
    k = len(impls)
    for r in range(rounds):
        t0 = time.perf_counter()
        if startup:
            for j in range(k):
                impl = impls[(r + j) % k]
                wall, cpu, rc, _, stderr = run_once(impl, ["-c", "pass"], timeout)
                if rc == 0:
                    results.startup_wall[impl.name].append(wall)
                    results.startup_cpu[impl.name].append(cpu)
                else:
                    loud("FAILED: `-c pass` under %s: exit status %s\n%s" % (impl.name, rc, stderr.strip()))
        for n, p in enumerate(programs):
            args = [os.path.join(PROGRAMS, p + ".py")] + sizes.get(p, [])
            if steady:
                args = [STEADY, str(steady[0]), str(steady[1])] + args
            for j in range(k):
                impl = impls[(r + n + j) % k]
                wall, cpu, rc, stdout, stderr = run_once(impl, args, timeout)
                record(results, impl, p, wall, cpu, rc, stdout, stderr, steady is not None)
        print("round %d/%d done in %.1f s, load average %.2f" % (r + 1, rounds, time.perf_counter() - t0,
                                                                 os.getloadavg()[0]), file=sys.stderr, flush=True)
    return results


# -- reporting ---------------------------------------------------------------------------------

def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def table(impls, programs, results, sizes, series, offset, title):
    """One Markdown table: per program the median time in ms per implementation and the
    speed-up over the reference; `offset` maps implementation -> seconds to subtract."""
    others = impls[1:]
    head = ["program", "size"] + ["%s ms" % impls[0].name]
    for i in others:
        head += ["%s ms" % i.name, "%s speed-up" % i.name]
    lines = ["**%s**" % title, "", "| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + "|"]
    ratios = {i.name: [] for i in others}

    def median_of(impl, p):
        if (impl.name, p) in results.failed or not series[(impl.name, p)]:
            return None
        return statistics.median(series[(impl.name, p)]) - offset.get(impl.name, 0.0)

    for p in programs:
        base = median_of(impls[0], p)
        row = [p, sizes[p][0] if p in sizes else "default"]
        row.append(cell(impls[0], p, results, base))
        for i in others:
            t = median_of(i, p)
            row.append(cell(i, p, results, t))
            if t is not None and base is not None and t > 0 and base > 0:
                ratios[i.name].append(base / t)
                row.append("%.2f×" % (base / t))
            else:
                row.append("—")
        lines.append("| " + " | ".join(row) + " |")
    geo = ["**geometric mean**", "", ""]
    for i in others:
        xs = ratios[i.name]
        note = "" if len(xs) == len(programs) else " (%d of %d)" % (len(xs), len(programs))
        geo += ["", ("**%.2f×**%s" % (geomean(xs), note)) if xs else "—"]
    lines.append("| " + " | ".join(geo) + " |")
    return "\n".join(lines)


def cell(impl, p, results, t):
    key = (impl.name, p)
    if key in results.failed:
        return "**" + results.failed[key].split(":")[0] + "**"
    return "—" if t is None else "%.0f" % (t * 1000)


def spread_line(impls, programs, series):
    parts = []
    for i in impls:
        rel = [(max(v) - min(v)) / statistics.median(v) for v in (series[(i.name, p)] for p in programs)
               if len(v) > 1]
        if rel:
            parts.append("%s %.0f%%" % (i.name, 100 * statistics.median(rel)))
    return ("Spread over rounds ((max − min) / median, the median over programs): " + ", ".join(parts) + "."
            if parts else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--programs", help="comma-separated program names (default: all; see --list)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--size", action="append", default=[], metavar="N|PROGRAM=N",
                    help="size argument for every selected program, or for one; repeatable")
    ap.add_argument("--impl", action="append", default=[], metavar="NAME=COMMAND",
                    help="add an implementation or replace the one of that name; repeatable")
    ap.add_argument("--impls", help="comma-separated implementations to run (default: all known; "
                                    "python3.12 is always run as the reference)")
    ap.add_argument("--subtract-startup", action="store_true",
                    help="also time `-c pass` each round and report times minus its median")
    ap.add_argument("--cpu", action="store_true",
                    help="also report CPU time: user + sys of the process tree, or with --steady the thread "
                         "CPU time of the main() calls")
    ap.add_argument("--steady", metavar="W:N",
                    help="in-process mode: time main() N times after W warm-up calls in each run "
                         "(see the module comment)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    ap.add_argument("--list", action="store_true", help="list the programs and exit")
    opts = ap.parse_args()

    every = program_names()
    if opts.list:
        for p in every:
            print("%-14s %s" % (p, first_doc_line(p)))
        return 0
    programs = every
    if opts.programs:
        programs = [p.strip() for p in opts.programs.split(",") if p.strip()]
        unknown = [p for p in programs if p not in every]
        if unknown:
            raise SystemExit("run.py: unknown program(s) %s; known: %s" % (", ".join(unknown), ", ".join(every)))
    if opts.rounds < 1:
        raise SystemExit("run.py: --rounds must be at least 1")
    sizes = {p: [v] for p, v in parse_sizes(opts.size, programs).items()}
    steady = None
    if opts.steady is not None:
        m = re.fullmatch(r"(\d+):(\d+)", opts.steady)
        if not m or int(m.group(2)) < 1:
            raise SystemExit("run.py: --steady wants W:N (warm-up and timed calls of main(), N at least 1), "
                             "got %r" % opts.steady)
        if opts.subtract_startup:
            raise SystemExit("run.py: --steady times main() inside the process; --subtract-startup "
                             "applies to whole-process runs only")
        steady = (int(m.group(1)), int(m.group(2)))

    base_env = dict(os.environ)
    impls, notes = default_impls(base_env)
    for spec in opts.impl:
        impl = parse_impl(spec, base_env)
        names = [i.name for i in impls]
        if impl.name in names:
            impls[names.index(impl.name)] = impl
        else:
            impls.append(impl)
    if opts.impls:
        wanted = [w.strip() for w in opts.impls.split(",") if w.strip()]
        unknown = [w for w in wanted if w not in [i.name for i in impls]]
        if unknown:
            notes.append("not available, skipped: %s" % ", ".join(unknown))
        impls = [i for i in impls if i.name == REFERENCE or i.name in wanted]

    broken = []
    for impl in list(impls):  # warm-up: checks the command runs, builds pyjit's archive if needed
        _, _, rc, stdout, stderr = run_once(impl, ["-c", VERSION_PROBE], opts.timeout)
        if rc != 0:
            text = "FAILED: %s does not run (`%s -c ...`: exit status %s)\n%s" % (
                impl.name, impl.describe(), rc, stderr.strip()[-2000:])
            if impl.name == REFERENCE:
                raise SystemExit("run.py: " + text)
            loud(text)
            broken.append(text)
            impls.remove(impl)
        else:
            impl.version = stdout.strip()

    load_before = os.getloadavg()
    started = datetime.datetime.now()
    results = measure(impls, programs, sizes, opts.rounds, opts.timeout, opts.subtract_startup, steady)
    load_after = os.getloadavg()
    results.failures[:0] = broken

    print("# Python benchmarks, %s" % started.strftime("%Y-%m-%d %H:%M"))
    print()
    print("%s, %d CPUs; load average (1/5/15 min) %.2f/%.2f/%.2f before, %.2f/%.2f/%.2f after; "
          "%d interleaved rounds." % (platform.machine(), os.cpu_count(), *load_before, *load_after, opts.rounds))
    print()
    for i in impls:
        print("- `%s`: %s (%s) — `%s`" % (i.name, i.version, i.origin, i.describe()))
    pyjit_vars = sorted(k for k in base_env if k.startswith("PYJIT_"))
    print("- PYJIT_* in the given environment: %s" % (", ".join(
        "%s=%s" % (k, base_env[k]) for k in pyjit_vars) if pyjit_vars else "none"))
    for note in notes:
        print("- " + note)
    print()
    print(table(impls, programs, results, sizes, results.wall, {},
                ("In-process: wall time of one main() call after %d warm-up calls (median of %d timed calls, "
                 "median over rounds)" % steady) if steady else
                "Wall time per run, start-up included (median over rounds)"))
    print()
    print(spread_line(impls, programs, results.wall))
    if opts.subtract_startup:
        startup = {i.name: statistics.median(results.startup_wall[i.name])
                   for i in impls if results.startup_wall[i.name]}
        print()
        print("Start-up (`-c pass`, median wall): " + ", ".join(
            "%s %.0f ms" % (n, t * 1000) for n, t in startup.items()) + ".")
        print()
        print(table(impls, programs, results, sizes, results.wall, startup,
                    "Wall time minus the implementation's median start-up (median over rounds)"))
    if opts.cpu:
        print()
        print(table(impls, programs, results, sizes, results.cpu, {},
                    ("In-process: CPU time of the thread that ran one main() call (time.thread_time; median of "
                     "the timed calls, median over rounds)") if steady else
                    "CPU time (user + sys of the process tree), start-up included (median over rounds)"))
        if steady:
            print()
            print(spread_line(impls, programs, results.cpu))
    if results.failures:
        counts = {}
        for text in results.failures:
            counts[text] = counts.get(text, 0) + 1
        print()
        print("## FAILURES (%d runs)" % len(results.failures))
        print()
        for text, n in counts.items():
            print("%s```\n%s\n```" % ("%d runs:\n" % n if n > 1 else "", text))
        return 1
    print()
    print("All runs printed the reference checksum line.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
