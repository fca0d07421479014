def risky():
    raise ExceptionGroup("many", [ValueError(1), TypeError("t"), ValueError(2), KeyError("k")])

try:
    risky()
except* ValueError as eg:
    print("values:", [e.args[0] for e in eg.exceptions])
except* TypeError as eg:
    print("types:", len(eg.exceptions))
except* KeyError as eg:
    print("keys:", eg.exceptions)

e = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
match, rest = e.split(TypeError)
print(repr(match), repr(rest))
class Note(Exception):
    pass
try:
    err = Note("with notes")
    err.add_note("first note")
    err.add_note("second note")
    raise err
except Note as n:
    print(n.__notes__)
raise ExceptionGroup("unhandled", [OSError("disk"), ValueError("v")])
