#!/usr/bin/env python3
"""Writes a text of N distinct words, one a line, for the memory benchmark (bench/spill.sh).

Word i is the hexadecimal of (i * 2654435761) mod 2^32 after a letter, so the N words are distinct
and come in no particular order; every tenth line is also one of 1,000 common words, so that top
has something to rank. Usage: gen-distinct.py [--words 30000000] OUT
"""
import argparse
import sys

BATCH = 100_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=30_000_000)
    parser.add_argument("out")
    args = parser.parse_args()
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    with out:
        for start in range(0, args.words, BATCH):
            lines = []
            for i in range(start, min(start + BATCH, args.words)):
                lines.append("w%x" % ((i * 2654435761) & 0xFFFFFFFF))
                if i % 10 == 0:
                    lines.append("common%d" % (i % 1000))
            out.write(("\n".join(lines) + "\n").encode("ascii"))


if __name__ == "__main__":
    main()
