# argv: alpha "two words" é -x --opt=1
import sys
print(sys.argv[1:], len(sys.argv))
print(sys.orig_argv[-6:])
