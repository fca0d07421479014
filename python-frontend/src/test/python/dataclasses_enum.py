from dataclasses import dataclass, field, asdict, replace
from enum import Enum, IntFlag, auto

class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

@dataclass(order=True, frozen=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: tuple = ()

items = sorted([Item(3, "c"), Item(1, "a", ("x",)), Item(2, "b")])
print(items)
print(asdict(items[0]), replace(items[1], name="bb"))
try:
    items[0].name = "z"
except Exception as e:
    print(type(e).__name__)
print(list(Color), Color(2), Color["BLUE"].value)
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W))
