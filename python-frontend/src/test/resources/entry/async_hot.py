import os
import sys
import time

# Three functions get hot at the default threshold; their bodies are compiled off the Python
# thread. Under pyjit with PYJIT_LOG the program keeps calling them until the log says every body
# was installed (python3.12 has no log and skips the wait), then calls each a fixed number of
# times, which must run compiled. The output does not depend on how long the wait took.


def add(a, b):
    return a + b


def poly(x):
    return x * x - 3 * x + 7


def ratio(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


FUNCTIONS = ("add", "poly", "ratio")


def wait_for_compiles(log):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with open(log, encoding="utf-8") as fh:
            text = fh.read()
        if all("compiled: function %s (" % name in text for name in FUNCTIONS):
            return
        for i in range(1000):
            add(i, 1)
            poly(i)
            ratio(i, 2)
    print("the bodies were not compiled in time", file=sys.stderr)
    sys.exit(3)


log = os.environ.get("PYJIT_LOG")
if log:
    wait_for_compiles(log)
total = 0
acc = 0.0
for i in range(5000):
    total += add(i, 7) + poly(i)
    acc += ratio(i, 7)
print(total, repr(acc))
