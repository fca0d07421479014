# Children made by os.fork() run new code (fresh code objects, calls, loops) with the compiler on:
# the callbacks must never call into the child's JVM, where only the forking thread is left.
import os
import sys
import warnings

# 3.12 warns about fork() in a multi-threaded process; under pyjit the JVM's threads count too.
warnings.simplefilter("ignore", DeprecationWarning)


def work(n):
    t = 0
    for i in range(n):
        t += i * i
    return t


print("parent", work(1000))
sys.stdout.flush()
for round in range(3):
    pid = os.fork()
    if pid == 0:
        def child_work(k):
            return sum(work(j) for j in range(k))
        ns = {}
        exec("def fresh%d(x):\n    return [x * i for i in range(50)]\n" % round, ns)
        print("child", round, child_work(200), len(ns["fresh%d" % round](3)))
        sys.stdout.flush()
        os._exit(7 + round)
    _, status = os.waitpid(pid, 0)
    print("exit", os.waitstatus_to_exitcode(status))
