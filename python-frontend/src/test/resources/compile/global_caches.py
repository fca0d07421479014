# LOAD_GLOBAL sites whose globals change after the functions using them were compiled (at their
# fourth call): each change gives the module's dict new keys, the constant guards of the compiled
# sites fail, and their run-time caches are filled again for the current keys. Every result must be
# python3.12's, including the NameErrors and a global that starts shadowing a builtin.
import builtins

SCALE = 3


def scaled(values):
    total = 0
    for v in values:
        total += v * SCALE + len(str(v))
    return total


def lookup(name_present):
    try:
        return LATE * 2 if name_present else MISSING
    except NameError as e:
        return "NameError: %s" % e


def counted(values):
    return len(values)


for round in range(6):
    print(round, scaled(range(round + 3)), counted([1] * round))

# New globals: the module's keys change after scaled() and counted() were compiled.
extra_a = 1
extra_b = 2
print("after new globals", [scaled(range(5)) for _ in range(10)][-1], scaled(range(7)), counted("abc"))

# A global defined after compilation: absent at first, then present, then deleted again.
print("before LATE", lookup(True))
LATE = 21
print("with LATE", lookup(True), lookup(True), lookup(False))
del LATE
print("after del", lookup(True))
LATE = 5
print("LATE again", lookup(True))


# A module global now shadows the builtin the compiled site found in the builtins.
def len(x):
    return 100
print("shadowed len", counted([1, 2]), scaled(range(3)))
del len
print("len restored", counted([1, 2]), scaled(range(3)))

# Rebinding a builtin keeps the builtins' keys: the cached entry reads the new value.
original_len = builtins.len
builtins.len = lambda x: -1
print("builtins.len replaced", counted([1, 2]))
builtins.len = original_len
print("builtins.len back", counted([1, 2]))

# A value rebound in place keeps the keys: no refill needed, the new value is read.
for SCALE in (4, 5):
    print("SCALE", SCALE, scaled(range(4)))

# A key that is not a string makes the globals' keys general: no cache, generic lookups.
globals()[1] = "one"
print("general keys", scaled(range(4)), counted("xy"), lookup(True))
del globals()[1]
print("unicode keys again", scaled(range(4)), counted("xyz"))

# Many more globals than fills: the sites keep working through the generic code.
seen = set()
for k in range(40):
    globals()["name_%d" % k] = k
    seen.add(scaled(range(2)))
print("after many", sorted(seen), scaled(range(6)), counted(range(9)))
