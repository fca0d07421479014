import sys

# Fresh code objects, each made hot (the default threshold, 1000 calls) and dropped at once, so
# that it dies while its body waits for the compiler thread or is being compiled.
total = 0
for k in range(int(sys.argv[1])):
    ns = {}
    exec("def f(a):\n    return a * %d + 1\n" % k, ns)
    f = ns["f"]
    for i in range(1000):
        total += f(i)
    ns.clear()
    del f
print(total)
