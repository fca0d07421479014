# options: -O -B -u -X utf8 -X int_max_str_digits=5000
import sys
f = sys.flags
print(f.optimize, f.dont_write_bytecode, f.utf8_mode, f.int_max_str_digits, __debug__)
assert False, "asserts are stripped under -O"
print(sys._xoptions)
print("assert skipped")
