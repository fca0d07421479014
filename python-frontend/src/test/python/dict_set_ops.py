d = {"b": 2, "a": 1}
d["c"] = 3
d.update(z=26)
print(d, list(d), d.pop("b"), d.get("q", "default"), d.setdefault("n", []))
print({**d, "a": 100}, d | {"y": 0}, dict(zip("xy", (1, 2))))
del d["a"]
print(d, "c" in d, len(d), sorted(d.items()))
s1, s2 = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(s1 & s2), sorted(s1 | s2), sorted(s1 - s2), sorted(s1 ^ s2), s1 >= {1, 2})
fs = frozenset([1, 2]); print(fs, {fs: "frozen key"}[frozenset([2, 1])])
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}; print(inv)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
import collections
dd = collections.defaultdict(list)
for i in range(10):
    dd[i % 3].append(i)
print(dict(dd))
big = {i: i * i for i in range(50000)}
print(sum(big.values()), len(big))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
