from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int

def describe(v):
    match v:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"list starting {x} with {len(rest)} more"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return "diagonal point"
        case str() as s:
            return f"string {s!r}"
        case _:
            return "something else"

for v in [0, -5, [1, 2], [1, 2, 3], {"kind": "circle", "r": 2}, Point(0, 7), Point(3, 3), "hi", 3.5]:
    print(describe(v))
