"""Integer arithmetic in a counted for-range loop, called many times from a driver.

Stresses: small-int add/multiply/modulo/xor/shift on locals inside a hot plain function (the
kind of function a first-tier compiler handles), plus the call into it.
Usage: int_sum.py [SIZE]   SIZE = number of calls of the 1,000-iteration kernel (default 3000;
well past pyjit's default threshold of 1000 calls, so the kernel's later calls can run compiled).
"""
import sys


def kernel(seed, n):
    total = 0
    for i in range(n):
        x = i + seed
        total += (x * x) % 7 + (x ^ (x >> 3)) - (i & 15)
    return total


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    checksum = 0
    for c in range(calls):
        checksum = (checksum * 31 + kernel(c, 1000)) % 1000000007
    print("int_sum", calls, checksum)


main()
