#!/usr/bin/env python3
"""Start-up time of `pyjit -c pass` against `python3.12 -c pass`, interleaved, in one run.

Usage: bench/startup/startup.py [ROUNDS]   (python3.12 is found as bin/pyjit finds it:
PYJIT_PYTHON, else the pyenv 3.12; run from anywhere in the checkout).
Prints median / min / p90 wall time per command and the difference of the medians.
"""
import os, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pyjit = os.path.join(root, "bin", "pyjit")

def find_python():
    if os.environ.get("PYJIT_PYTHON"):
        return os.environ["PYJIT_PYTHON"]
    out = subprocess.run([pyjit, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
    return out.stdout.strip()

def once(cmd, env):
    """Wall time and CPU time (user + sys of the child and its children) in ms."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"{cmd} exited {p.returncode}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000

def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    python = find_python()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYJIT_")}
    commands = {"python3.12 -c pass": [python, "-c", "pass"],
                "pyjit -c pass": [pyjit, "-c", "pass"],
                "pyjit -c pass (PYJIT_DISABLE=1)": [pyjit, "-c", "pass"]}
    envs = {"pyjit -c pass (PYJIT_DISABLE=1)": dict(env, PYJIT_DISABLE="1")}
    for name, cmd in commands.items():  # warm-up (builds the CDS archive if needed)
        once(cmd, envs.get(name, env))
    wall = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            w, c = once(cmd, envs.get(name, env))
            wall[name].append(w)
            cpu[name].append(c)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {rounds} interleaved rounds; ms")
    print(f"{'command':36} {'wall med':>9} {'wall min':>9} {'wall p90':>9} {'cpu med':>9}")
    for name in commands:
        ts = sorted(wall[name])
        print(f"{name:36} {statistics.median(ts):9.1f} {ts[0]:9.1f} {ts[int(0.9 * (len(ts) - 1))]:9.1f}"
              f" {statistics.median(cpu[name]):9.1f}")
    for what, d in (("wall", wall), ("cpu", cpu)):
        added = statistics.median(d["pyjit -c pass"]) - statistics.median(d["python3.12 -c pass"])
        print(f"added by pyjit ({what} median): {added:.1f} ms")

main()
