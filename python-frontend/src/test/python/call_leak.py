"""A small function called a million times leaves no objects and no memory behind."""
import sys


def work(a, b):
    c = a * b + 1
    if c > 10:
        c = c - a
    return c


def run(n):
    t = 0
    i = 0
    while i < n:
        t = t + work(i, 3)
        i = i + 1
    return t


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


run(10_000)
blocks = sys.getallocatedblocks()
rss = rss_bytes()
total = run(1_000_000)
blocks_grown = sys.getallocatedblocks() - blocks
rss_grown = rss_bytes() - rss
print("total", total)
print("allocated blocks flat:", blocks_grown < 200)
print("rss flat:", rss_grown < 8 * 1024 * 1024)
if blocks_grown >= 200 or rss_grown >= 8 * 1024 * 1024:
    print("grew by", blocks_grown, "blocks and", rss_grown, "bytes", file=sys.stderr)
