import sys
print("a", "b", sep="-", end="|\n")
print("to stderr", file=sys.stderr)
sys.stdout.write("partial line without newline")
sys.stderr.write("err partial")
print()
print(*range(5), sep=", ")
sys.stdout.writelines(["x\n", "y\n"])
print("unflushed tail", end="")
