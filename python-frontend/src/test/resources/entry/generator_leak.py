import sys


def pairs(n):
    i = 0
    while i < n:
        yield i, i * 0.5
        i += 1


def consume(n):
    total = 0.0
    for a, b in pairs(n):
        total = total + b
    return total


def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4


total = consume(20000)
blocks = sys.getallocatedblocks()
rss = [rss_kb()]
for chunk in range(4):
    total = total + consume(250000)
    rss.append(rss_kb())
grown_blocks = sys.getallocatedblocks() - blocks
# A leak grows every chunk; a one-off grows one. Flat: at least two of the four chunks grew by
# less than 1 MB.
growths = sorted(b - a for a, b in zip(rss, rss[1:]))
print("result", total)
print("allocated blocks flat:", grown_blocks < 500)
print("rss flat:", growths[1] < 1024)
