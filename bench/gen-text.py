#!/usr/bin/env python3
"""Writes deterministic English-like text of a given size for throughput measurements.

Words are drawn with the frequencies they have in Moby-Dick (a Zipf-like distribution, with the
book's punctuation and capitals), in lines of 6 to 16 words. A small share of words is made up
(--novel), so that, as in real corpora, the number of distinct words keeps growing with the size
of the text instead of stopping at the book's vocabulary.

Usage: gen-text.py [--size 1G] [--seed 1] [--novel 0.002] [--corpus corpus/moby-dick.txt] OUT
       (OUT may be - for standard output)
"""
import argparse
import collections
import itertools
import os
import random
import re
import string
import sys

WHITESPACE = re.compile("[\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
BATCH = 1 << 16


def size(text):
    units = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    match = re.fullmatch(r"(\d+)([KMG]?)", text.upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text} (e.g. 1G, 200M, 4096)")
    return int(match.group(1)) * units[match.group(2)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=size, default=size("1G"), help="bytes to write (default 1G)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--novel", type=float, default=0.002, help="share of made-up words")
    parser.add_argument("--corpus", default=os.path.join(here, "..", "corpus", "moby-dick.txt"))
    parser.add_argument("out")
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        counts = collections.Counter(w for w in WHITESPACE.split(f.read()) if w)
    vocabulary = list(counts)
    cumulative = list(itertools.accumulate(counts[w] for w in vocabulary))
    rng = random.Random(args.seed)

    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    written = 0
    with out:
        while written < args.size:
            words = rng.choices(vocabulary, cum_weights=cumulative, k=BATCH)
            for i in range(int(BATCH * args.novel)):
                length = rng.randint(4, 12)
                words[rng.randrange(BATCH)] = "".join(rng.choices(string.ascii_lowercase, k=length))
            lines = []
            start = 0
            while start < BATCH:
                end = start + rng.randint(6, 16)
                lines.append(" ".join(words[start:end]))
                start = end
            block = ("\n".join(lines) + "\n").encode("utf-8")
            block = block[: args.size - written]
            out.write(block)
            written += len(block)


if __name__ == "__main__":
    main()
