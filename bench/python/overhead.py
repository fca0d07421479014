#!/usr/bin/env python3
"""Overhead of pyjit's entry points on call-heavy code, after start-up, against python3.12.

Usage: bench/python/overhead.py [ROUNDS] [REPEATS]
Each round runs bench/python/calls.py once under every configuration below, in a rotating order
(interleaved, so that machine load hits all alike); calls.py times its kernels itself, so start-up
is excluded. Reported per configuration and kernel: the median over rounds of the best-of-REPEATS
time, and the median over rounds of the per-round ratio to python3.12, in thread CPU time (the
primary figure on a shared machine) and in wall time.
"""
import os, statistics, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pyjit = os.path.join(root, "bin", "pyjit")
program = os.path.join(root, "bench", "python", "calls.py")


def find_python():
    if os.environ.get("PYJIT_PYTHON"):
        return os.environ["PYJIT_PYTHON"]
    out = subprocess.run([pyjit, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True,
                         env=dict(os.environ, PYJIT_DISABLE="1"))
    return out.stdout.strip()


def run(cmd, env, repeats):
    out = subprocess.run(cmd + [program, str(repeats)], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{cmd} failed: {out.stderr}")
    times = {}
    for line in out.stdout.splitlines():
        name, wall, cpu = line.split()
        times[name] = (float(wall), float(cpu))
    return times


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    repeats = sys.argv[2] if len(sys.argv) > 2 else "3"
    base = {k: v for k, v in os.environ.items() if not k.startswith("PYJIT_")}
    configs = {
        "python3.12": ([find_python()], base),
        "pyjit (default threshold)": ([pyjit], base),
        "pyjit PYJIT_THRESHOLD=10^9": ([pyjit], dict(base, PYJIT_THRESHOLD="1000000000")),
        "pyjit PYJIT_DISABLE=1": ([pyjit], dict(base, PYJIT_DISABLE="1")),
    }
    names = list(configs)
    results = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            cmd, env = configs[name]
            results[name].append(run(cmd, env, repeats))
    kernels = list(results["python3.12"][0])
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {rounds} interleaved rounds, "
          f"best of {repeats} per run")
    print(f"{'configuration':28} {'kernel':8} {'cpu ms':>8} {'cpu ratio':>10} {'wall ms':>8} {'wall ratio':>10}")
    for name in names:
        for k in kernels:
            cpu = [run_[k][1] for run_ in results[name]]
            wall = [run_[k][0] for run_ in results[name]]
            ref = results["python3.12"]
            cpu_ratio = [a[k][1] / b[k][1] for a, b in zip(results[name], ref)]
            wall_ratio = [a[k][0] / b[k][0] for a, b in zip(results[name], ref)]
            print(f"{name:28} {k:8} {statistics.median(cpu) * 1e3:8.1f} {statistics.median(cpu_ratio):10.3f}"
                  f" {statistics.median(wall) * 1e3:8.1f} {statistics.median(wall_ratio):10.3f}")


main()
