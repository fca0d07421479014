"""A small function called a million times leaves no objects and no memory behind."""
import sys
import time


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
# pyjit's host process is busy for a moment after start (installing its entry points); let that
# finish so that only the calls below are measured.
time.sleep(0.5)
run(10_000)
blocks = sys.getallocatedblocks()
total = 0
rss_growth = []
for chunk in range(5):
    rss = rss_bytes()
    total += run(200_000)
    rss_growth.append(rss_bytes() - rss)
blocks_grown = sys.getallocatedblocks() - blocks
# A leak of even 8 bytes per call grows every chunk by 1.6 MB; a host process may grow for a
# while (e.g. while it finishes starting up), so the chunk that grew least is what counts.
rss_least = min(rss_growth)
print("total", total)
print("allocated blocks flat:", blocks_grown < 200)
print("rss flat:", rss_least < 512 * 1024)
if blocks_grown >= 200 or rss_least >= 512 * 1024:
    print("grew by", blocks_grown, "blocks; rss per chunk", rss_growth, file=sys.stderr)
