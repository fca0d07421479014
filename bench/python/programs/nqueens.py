"""Counting the solutions of the n-queens problem by backtracking, twice: with bitmasks
(recursion, bit tricks) and with a list of placed columns checked by a loop (recursion, list
operations, abs()).

Stresses: recursive calls with several int arguments, bitwise and/or/shift, negative-number
masking, list append/pop, small loops with early exit.
Usage: nqueens.py [SIZE]   SIZE = board size (default 10): the list version solves that board,
the bitmask version (several times faster per board) every board from 4 to SIZE + 1, three times.
"""
import sys


def count_bits(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    total = 0
    full = (1 << n) - 1
    free = ~(cols | diag1 | diag2) & full
    while free:
        bit = free & -free
        free ^= bit
        total += count_bits(n, row + 1, cols | bit, ((diag1 | bit) << 1) & full, (diag2 | bit) >> 1)
    return total


def safe(placed, col):
    row = len(placed)
    for r in range(row):
        c = placed[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True


def count_list(n, placed):
    if len(placed) == n:
        return 1
    total = 0
    for col in range(n):
        if safe(placed, col):
            placed.append(col)
            total += count_list(n, placed)
            placed.pop()
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    bits = 0
    for _ in range(3):
        for size in range(4, n + 2):
            bits += count_bits(size, 0, 0, 0, 0)
    listed = count_list(n, [])
    print("nqueens", n, bits, listed)


main()
