def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def primes(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
    return [i for i, v in enumerate(sieve) if v]

def nbody_like(n):
    x, v = 0.0, 1.0
    for _ in range(n):
        a = -x * 0.01
        v += a
        x += v * 0.01
    return round(x, 9)

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

print(fib(22))
p = primes(100000); print(len(p), p[-3:])
print(nbody_like(200000))
acc = Vec(0, 0)
for i in range(50000):
    acc = acc + Vec(i, -i)
print(acc.x, acc.y)
s = 0
i = 0
while i < 300000:
    s += i & 7
    i += 1
print(s)
