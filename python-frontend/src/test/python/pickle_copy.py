import pickle, copy
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def __eq__(self, o):
        return self.v == o.v and self.kids == o.kids
    def __repr__(self):
        return f"T({self.v}, {self.kids})"
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(t, proto)) == t
print(pickle.loads(pickle.dumps(t)))
c = copy.deepcopy(t); c.kids[0].v = 99
print(t, c, copy.copy(t).kids is t.kids)
cyc = [1]; cyc.append(cyc)
print(pickle.loads(pickle.dumps(cyc))[1][1][0])
