import contextlib

class Managed:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.swallow

with Managed("a") as a, Managed("b") as b:
    print("body", a, b)
with Managed("outer", swallow=True):
    with Managed("inner"):
        raise ValueError("oops")
print("after")

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")

with tag("p"), tag("b") as t:
    print("text", t)
with contextlib.suppress(KeyError):
    {}["missing"]
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
import io
with contextlib.redirect_stdout(io.StringIO()) as buf:
    print("captured")
print(repr(buf.getvalue()))
