import sys
print(2 ** 200, (2 ** 200) % 97, -7 // 2, -7 % 2, divmod(-7, 2), 7 / 2)
print(int("ff", 16), hex(2 ** 70), bin(37), int.from_bytes(b"\x01\x00", "little"))
print(1e308 * 10, -1e308 * 10, float("nan") != float("nan"), 0.1 + 0.2 == 0.3)
print(complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j).conjugate())
print(round(2.5), round(3.5), round(-0.5), 10 ** -3, 3 * 1.1)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
f = 1
for i in range(1, 200):
    f *= i
print(len(str(f)), f % (10 ** 9 + 7))
print(sys.maxsize, sys.float_info.max, (255).bit_length(), (-1) ** 0.5)
print(True + True, isinstance(True, int), 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 65, -1 >> 3)
acc = 0.0
for i in range(1, 100001):
    acc += 1.0 / (i * i)
print(acc)
