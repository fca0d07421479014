"""Word counting over a deterministic pseudo-random text: dict.get counting, setdefault grouping
by first letter, a dict of bigrams keyed by tuples, and the top words by count.

Stresses: dict lookups and inserts with string and tuple keys (hashing, probing, resizing),
str.split, sorting dict items with a key function.
Usage: word_count.py [SIZE]   SIZE = number of words in the text (default 350000).
"""
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "do", "fu", "go"]


def make_text(count):
    state = 12345
    words = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (state >> 8) % 3
        word = ""
        s = state >> 12
        for _ in range(length):
            word += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        words.append(word)
    return " ".join(words)


def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def group_by_initial(counts):
    groups = {}
    for word, n in counts.items():
        groups.setdefault(word[0], []).append((word, n))
    return groups


def bigrams(text):
    table = {}
    words = text.split()
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        if key in table:
            table[key] += 1
        else:
            table[key] = 1
    return table


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 350000
    text = make_text(count)
    counts = count_words(text)
    groups = group_by_initial(counts)
    pairs = bigrams(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    biggest = max(groups, key=lambda k: (len(groups[k]), k))
    best_pair = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
    print("word_count", count, len(counts), len(pairs), biggest, len(groups[biggest]),
          " ".join("%s:%d" % kv for kv in top), "%s+%s:%d" % (best_pair[0] + (best_pair[1],)))


main()
