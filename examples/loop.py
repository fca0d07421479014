"""A hot loop of integer arithmetic, the kind the first compiler tier handles.

    PYJIT_COMPILE=1 PYJIT_THRESHOLD=1 PYJIT_STATS=1 bin/pyjit examples/loop.py

compiles `total` to machine code at its first call; later calls run it. The compiler is still
behind that switch and does not yet take over a loop that is hot in its first call (see
python-frontend/README.md).
"""


def total(n):
    t = 0
    i = 0
    while i < n:
        t += i
        i += 1
    return t


for _ in range(3):
    print(total(1_000_000))
