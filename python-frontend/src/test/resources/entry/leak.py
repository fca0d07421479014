import sys

def mix(a, b):
    c = a * b + 1.5
    if c > a:
        return c - a
    return c

def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4

def calls(total, n):
    i = 0
    while i < n:
        total = mix(total, 0.5)
        i += 1
    return total

total = calls(0.0, 20000)
blocks = sys.getallocatedblocks()
rss = [rss_kb()]
for chunk in range(4):
    total = calls(total, 250000)
    rss.append(rss_kb())
grown_blocks = sys.getallocatedblocks() - blocks
# A leak grows every chunk; a one-off (a heap growing once, in python or the embedding
# process) grows one. Flat: at least two of the four chunks grew by less than 1 MB.
growths = sorted(b - a for a, b in zip(rss, rss[1:]))
print("result", round(total, 6))
print("allocated blocks flat:", grown_blocks < 500)
print("rss flat:", growths[1] < 1024)
