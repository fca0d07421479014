x, name = 3.14159, "pyjit"
print(f"{x:.2f} {x:10.3e} {name!r:>10} {name:^11}|")
print(f"{12345678:,} {255:#x} {255:08b} {0.25:%} {-7:+d}")
print("{0}-{1}-{0}".format("a", "b"), "%s=%05.1f" % ("v", 2.5), "%(k)s" % {"k": "dict"})
print(f"{'nested ' + f'{1 + 1}'}", f"{x=}", f"{name.upper()=}")
print("  strip me  ".strip(), "a,b,,c".split(","), "-".join(map(str, range(5))))
print("Hello".center(11, "*"), "abc".zfill(6), "tEsT".swapcase(), "x".ljust(3) + "|")
print("%c%c" % (80, 121), repr(b"bytes %d" % 5), "ß".casefold(), "Straße".upper())
print(str(1e16), str(1e-5), repr(0.1 + 0.2), format(1234.5, "_"), round(2.675, 2))
