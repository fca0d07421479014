"""String building and processing: f-strings and %-formatting, `+=` on strings, list-and-join,
split, replace, upper/lower, slicing, `in`, and str.count.

Stresses: string allocation and copying, the str methods' call path, join over lists.
Usage: strings.py [SIZE]   SIZE = number of records built (default 300000).
"""
import sys
import zlib

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def record(i):
    word = WORDS[i % len(WORDS)]
    return f"{i:06d}|{word}|{word.upper()}|{i * 37 % 1000}"


def build(count):
    lines = []
    for i in range(count):
        lines.append(record(i))
    return "\n".join(lines)


def transform(text):
    out = []
    for line in text.split("\n"):
        num, word, upper, value = line.split("|")
        if "a" in word:
            line = line.replace(word, word[::-1])
        out.append("%s=%s;" % (upper.lower()[:3], value))
        if int(num) % 1000 == 0:
            out.append(num.lstrip("0") or "0")
    return "".join(out)


def concat(count):
    s = ""
    for i in range(count):
        s += WORDS[i % 10][: 1 + i % 4]
        if len(s) > 200:
            s = s[100:]
    return s


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    text = build(count)
    result = transform(text)
    tail = concat(count * 2)
    checksum = zlib.crc32(result.encode()) ^ zlib.crc32(text.encode())
    print("strings", count, len(text), len(result), result.count("eta="), checksum, tail[-20:])


main()
