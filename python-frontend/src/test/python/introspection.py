import sys, inspect, dis
def sample(a, b=2, *args, c, **kw):
    """doc"""
    x = a + b
    return x
print(inspect.signature(sample), sample.__code__.co_varnames, sample.__defaults__, sample.__kwdefaults__)
f = sys._getframe()
print(f.f_code.co_name, f.f_lineno, __name__)
def who():
    return sys._getframe(1).f_code.co_name
def caller():
    return who()
print(caller(), [i.opname for i in dis.get_instructions(lambda: 1)])
print(sample.__code__.co_flags & inspect.CO_VARARGS != 0, inspect.isfunction(sample), callable(sample))
g = (i for i in range(3)); next(g)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno)
print(type(sys.modules["builtins"]).__name__, "sys" in sys.builtin_module_names)
tb_lines = []
try:
    1 / 0
except ZeroDivisionError:
    import traceback
    tb_lines = traceback.format_exc().splitlines()
print(tb_lines[0], tb_lines[-1])
