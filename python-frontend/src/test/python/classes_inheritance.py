from abc import ABC, abstractmethod

class Shape(ABC):
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @abstractmethod
    def area(self): ...
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.3f})"

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

class A: 
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()

shapes = [Rect(2, 3), Square(4), Rect(1.5, 2)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
print(Shape.count, [k.__name__ for k in D.__mro__], D().who())
try:
    Shape("x")
except TypeError as e:
    print("TypeError:", e)
print(isinstance(Square(1), Shape), issubclass(Square, Rect), issubclass(Rect, Square))
