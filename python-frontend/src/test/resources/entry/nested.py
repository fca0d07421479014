# A compiled function whose BINARY_OP calls a compiled dunder method: the dunder's PY_START
# fires inside the outer body only if the entry lowered tstate->tracing around it.
class V:
    def __add__(self, other):
        return other + 1

def outer(v, n):
    t = 0
    i = 0
    while i < n:
        t = v + t
        i += 1
    return t

v = V()
print(V.__add__(v, 1), outer(v, 1))
print(outer(v, 1000))
