# A child made by libc's fork() (no Python at-fork hooks run) does compile-heavy work: with the
# compiler on, every callback there must stay out of the child's JVM (a hang before the fix).
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
print("before"); sys.stdout.flush()
pid = libc.fork()
if pid == 0:
    total = 0
    for k in range(300):
        ns = {}
        exec("def f%d(x):\n    s = 0\n    for i in range(x):\n        s += i * %d\n    return [s, str(s), {'k': s}]\n" % (k, k), ns)
        total += ns["f%d" % k](100)[0]
    print("child", total); sys.stdout.flush()
    os._exit(3)
_, status = os.waitpid(pid, 0)
print("exit", os.waitstatus_to_exitcode(status))
