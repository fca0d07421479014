import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
r = weakref.ref(a, lambda ref: print("weakref callback"))
del a, b
print("collected", gc.collect() > 0, r() is None)
class Obj: pass
o = Obj()
wd = weakref.WeakValueDictionary(k=o)
print(list(wd))
del o
print(list(wd))
fin = weakref.finalize(Obj(), print, "finalizer ran")
print(fin.alive)
x = Node("x")
print("end of module")
