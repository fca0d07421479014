import sys

# Fresh code objects, each compiled (threshold 1) at its first call, entered at its second, then
# dropped: their co_extra free function frees the machine code.
total = 0
for k in range(int(sys.argv[1])):
    ns = {}
    exec("def f(a):\n    return a + %d\n" % k, ns)
    f = ns["f"]
    total += f(1) + f(2)
    ns.clear()
    del f
print(total)
