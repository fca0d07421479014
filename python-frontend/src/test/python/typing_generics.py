from typing import TypeVar, Generic, Protocol, NamedTuple, TypedDict, runtime_checkable, Callable

T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()

@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...

class File:
    def close(self):
        print("closed")

class Pt(NamedTuple):
    x: int
    y: int = 0

class Movie(TypedDict):
    title: str
    year: int

def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)

s = Stack[int](); s.push(1); s.push(2); print(s.pop(), s.items)
print(isinstance(File(), Closeable), isinstance(3, Closeable))
p = Pt(1); print(p, p._replace(y=5), p._asdict())
m: Movie = {"title": "x", "year": 1999}; print(m)
print(apply(lambda v: v + 1, 41), Stack.__parameters__, apply.__annotations__)
type Pair[K] = tuple[K, K]
print(Pair.__value__)
