# mode: -c
# argv: arg1 arg2
import sys
print("running as -c:", sys.argv, __name__)
for i in range(3):
    print(i * "*")
