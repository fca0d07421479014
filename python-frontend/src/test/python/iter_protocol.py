import itertools
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
    def __len__(self):
        return 4
    def __contains__(self, x):
        return x == 42

print(list(Countdown(5)), list(Seq()), 42 in Seq(), 10 in list(Seq()))
it = iter([1, 2, 3]); print(next(it), next(it), next(it), next(it, "exhausted"))
print(list(itertools.chain("ab", [1, 2])), list(itertools.islice(itertools.count(10, 5), 4)))
print([list(g) for _, g in itertools.groupby("aabbbc")], list(itertools.product("ab", repeat=2)))
print(list(itertools.zip_longest("abc", "x", fillvalue="-")), list(itertools.batched(range(7), 3)))
print(list(zip(range(3), "abc", strict=True)), list(enumerate("xy", start=1)))
print(any(x > 3 for x in range(5)), all([]), min([], default=None), max("hello"))
sentinel = iter(iter([1, 2, 0, 3]).__next__, 0); print(list(sentinel))
