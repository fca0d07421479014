"""List, set and dict comprehensions (nested and filtered) and sorting: sorted() with key
functions and tuples, list.sort(reverse=True), and a hand-written merge of sorted runs.

Stresses: comprehension loops (inlined in 3.12), list building, tuple creation and comparison,
the sort's comparisons, indexing.
Usage: listcomp_sort.py [SIZE]   SIZE = number of items (default 200000).
"""
import sys


def data(n):
    x = 99991
    out = []
    for _ in range(n):
        x = (x * 48271) % 2147483647
        out.append(x)
    return out


def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    values = data(n)
    squares = [v % 1000 * (v % 1000) for v in values if v % 3]
    records = [(v % 97, -(v % 1009), v) for v in values]
    records.sort()
    by_key = sorted(values, key=lambda v: (v % 251, v // 251))
    grid = [[(r * c) % 17 for c in range(40)] for r in range(n // 200)]
    diag = sum(row[i % 40] for i, row in enumerate(grid))
    buckets = {k: [v for v in values[:2000] if v % 16 == k] for k in range(16)}
    distinct = {v % 4099 for v in values}
    halves = sorted(values[: n // 2]), sorted(values[n // 2:])
    merged = merge(*halves)
    desc = list(squares)
    desc.sort(reverse=True)
    check = (sum(squares) + records[n // 2][2] + by_key[n // 3] + diag
             + sum(len(b) for b in buckets.values()) + len(distinct) + merged[n // 4] + desc[10])
    print("listcomp_sort", n, check, merged == sorted(values))


main()
