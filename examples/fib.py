"""A call-heavy program: under pyjit it behaves exactly as under python3.12.

Try `PYJIT_STATS=1 bin/pyjit examples/fib.py` to see which code objects became hot.
"""
import sys
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    start = time.perf_counter()
    result = fib(n)
    elapsed = time.perf_counter() - start
    print(f"fib({n}) = {result}")
    print(f"{elapsed * 1000:.1f} ms", file=sys.stderr)


if __name__ == "__main__":
    main()
