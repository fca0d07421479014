import sys
s = "héllo wörld — ΑΒΓ — 日本語 — 🐍"
print(s, len(s), len(s.encode()))
print(s.upper(), s[::-1])
sys.stdout.write("ünïcödé via write\n")
sys.stdout.buffer.write("raw bytes ✓\n".encode())
sys.stdout.flush()
print("stderr: ñ", file=sys.stderr)
print(ascii(s), repr("\x00\t"), "%-6s|%6s|" % ("ab", "é"))
print(sys.stdout.encoding, sys.getdefaultencoding())
