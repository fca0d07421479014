"""Generator pipelines: a source generator feeding filtering, mapping, windowing and chunking
generators, generator expressions, and `yield from` delegation.

Stresses: generator creation, resumption and exhaustion (frame suspend/resume), StopIteration
at the end of for loops, `yield from`.
Usage: generators.py [SIZE]   SIZE = items drawn from the source (default 1000000).
"""
import sys


def numbers(count, seed):
    x = seed
    for _ in range(count):
        x = (x * 69069 + 1) % 4294967296
        yield x >> 16


def evens(items):
    for item in items:
        if item % 2 == 0:
            yield item


def scaled(items, factor):
    for item in items:
        yield item * factor % 1009


def pairs(items):
    previous = None
    for item in items:
        if previous is not None:
            yield previous, item
        previous = item


def chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(groups):
    for group in groups:
        yield from group


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    total = 0
    rising = 0
    for a, b in pairs(scaled(evens(numbers(count, 7)), 13)):
        total += a
        if b > a:
            rising += 1
    chunk_sums = sum(sum(c) for c in chunks(numbers(count // 2, 11), 7))
    flat = sum(x for x in flatten(chunks(numbers(count // 2, 13), 5)) if x & 1)
    small = 0
    for k in range(count // 100):
        small += sum(countdown(k % 20))
    print("generators", count, total, rising, chunk_sums, flat, small)


main()
