data = list(range(20))
print([x * 2 for x in data if x % 3 == 0])
print({x: x ** 2 for x in data[:6]})
print(sorted({x % 7 for x in data}))
print([(i, j) for i in range(4) for j in range(i)])
print([[r * c for c in range(4)] for r in range(3)])
print(sum(x for x in range(1000) if x & 1))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
x = "outer"
print([x for x in "ab"], x)
print({k: v for k, v in zip("abc", range(3))})
print([y := 5, y ** 2])
print(list(map(lambda t: t[0] + t[1], enumerate("xyz"))) if False else [i for i, _ in enumerate("xyz")])
words = ["apple", "Bob", "cat", "Dog"]
print(sorted(words, key=str.lower), [w for w in words if w[0].isupper()])
print(sum([[1], [2, 3], []], []))
