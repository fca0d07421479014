"""Integer arithmetic in a counted for-range loop, called many times from a driver.

Stresses: small-int add/multiply/modulo/xor/shift on locals inside a hot plain function (the
kind of function a first-tier compiler handles), plus the call into it.
Usage: int_sum.py [SIZE]   SIZE = number of calls of the 10,000-iteration kernel (default 300).
"""
import sys


def kernel(seed, n):
    total = 0
    for i in range(n):
        x = i + seed
        total += (x * x) % 7 + (x ^ (x >> 3)) - (i & 15)
    return total


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    checksum = 0
    for c in range(calls):
        checksum = (checksum * 31 + kernel(c, 10000)) % 1000000007
    print("int_sum", calls, checksum)


main()
