# Loops that become hot during their function's only call: the rest of the call runs in a loop
# body entered by on-stack replacement at a back edge.
def total(n):
    t = 0
    i = 0
    while i < n:
        t += i
        i += 1
    return t


def squares(xs):
    out = []
    for x in xs:
        out.append(x * x)
    return out


def fails_late(n):
    i = 0
    while i < n:
        i += 1
        if i == n - 3:
            return 10 // (n - i - 3)
    return i


print(total(200_000))
print(sum(squares(range(50_000))))
try:
    fails_late(20_000)
except ZeroDivisionError as e:
    import traceback
    traceback.print_exc()
