# Annotations in compiled module and class bodies (SETUP_ANNOTATIONS on a dict and on a mapping).
from dataclasses import dataclass

limit: int = 3
label: str
print(__annotations__)


@dataclass
class Item:
    name: str
    count: int = 0

    def total(self, price: float) -> float:
        return self.count * price


print(Item("a", 2), Item.__annotations__, Item("b", 3).total(1.5))


class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Logged()


class Annotated(metaclass=Meta):
    first: int = 1
    second: "list[int]"


print(Annotated.__annotations__, Annotated.first)
