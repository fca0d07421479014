import sys
for i in range(30000):
    print(i, "x" * (i % 50))
for i in range(2000):
    sys.stderr.write(f"e{i}\n")
print("end")
