# stdin: stdin_read.txt
import sys
lines = sys.stdin.read().splitlines()
print(len(lines), [l.upper() for l in lines])
print(sum(int(x) for l in lines for x in l.split() if x.isdigit()))
