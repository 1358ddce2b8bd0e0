#!/usr/bin/env python3
"""Writes the edge-case inputs of the golden tests into inputs/, deterministically."""
import os
import random
import sys

WHITESPACE = ["\t", "\n", "\u000b", "\u000c", "\r", " ", "\u0085", "\u00a0", "\u1680"] + \
             [chr(c) for c in range(0x2000, 0x200B)] + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]


def cases():
    yield "empty", b""
    yield "only-whitespace", "".join(WHITESPACE).encode() * 3
    yield "no-trailing-newline", b"one two\nthree four\nfive"
    yield "crlf", b"alpha beta\r\ngamma\r\n\r\nalpha\r\n"
    # Every White_Space character separates words; look-alikes that are not White_Space do not.
    yield "unicode-whitespace", ("".join(f"w{i}{ws}" for i, ws in enumerate(WHITESPACE))
                                 + "x\u200by x\u180ey x\ufeffy x\u2060y x\u001cy x\u001dy x\u001ey x\u001fy"
                                 + " nbsp\u00a0nbsp ideographic\u3000ideographic\n").encode()
    # Malformed UTF-8 of every kind; each maximal invalid subpart is one U+FFFD.
    yield "invalid-utf8", b" ".join([
        b"truncated:\xe2\x82", b"truncated4:\xf0\x9f\x98", b"truncated2:\xc3",
        b"overlong:\xc0\xaf", b"overlong3:\xe0\x80\xaf", b"overlong4:\xf0\x80\x80\xaf",
        b"surrogate:\xed\xa0\x80", b"surrogate-pair:\xed\xa0\xbd\xed\xb8\x80",
        b"above-max:\xf4\x90\x80\x80", b"lone-continuation:\x80", b"continuations:\x80\xbf\x80",
        b"c0:\xc0", b"c1:\xc1", b"f5:\xf5", b"f8:\xf8\x88\x80\x80\x80", b"fe:\xfe", b"ff:\xff",
        b"then-ascii:\xe2\x82a", b"lead-then-lead:\xe2\xe2\x82\xac",
        # Words that differ only in which malformed bytes they had are the same word.
        b"x\xffy", b"x\xfey", b"x\x80y", b"x\xe2\x82y", b"x\xf0\x9f\x98y", b"x\xef\xbf\xbdy",
        # A malformed byte next to multi-byte white space: the space still separates.
        b"before\xe2\xe2\x80\x83after", b"nbsp-prefix\xc2\xc2\xa0end",
        # A truncated white-space sequence is not white space.
        b"half\xe3\x80space", b"half\xe2\x80space",
    ]) + b"\n" + b"ends-truncated\xf0\x9f\x98"
    # Lead bytes followed by boundary bytes, exhaustively: every lead with every interesting second.
    seconds = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
    words = [b"w" + bytes([lead, second]) + b"\x80\x80z" for lead in range(0x80, 0x100) for second in seconds]
    yield "invalid-utf8-leads", b" ".join(words) + b"\n"
    # Ties are broken by code point: U+E000 and U+FFFD sort before supplementary characters,
    # which UTF-16 order (String.compareTo) would put first.
    order = ["\U0001F600", "\ue000", "\U0001D11E", "\uf8ff", "\uff21", "\ufffd", "z", "Z", "\u00e9",
             "\U00010000", "\uffff", "e\u0301"]
    yield "code-point-order", (" ".join(order * 3) + "\n" + " ".join(order[::-1]) + "\n").encode()
    yield "ties", b"pear apple Apple banana, banana apple. pear Pear apple, banana\n" \
                  b"cherry date cherry date elder fig fig elder grape\n"
    yield "control-characters", b"a\x00b a\x00b \x00 \x1c \x1c\x1d\x1e\x1f c\x7fd \x01\n"
    # Words that share long prefixes, around the eight-byte boundaries the rules read in, and
    # words that differ only in trailing NUL bytes.
    words = []
    for n in range(1, 41):
        words += [b"a" * n] * (n % 3 + 1) + [b"a" * (n - 1) + b"b"] * (n % 2 + 1) + [b"b" + b"a" * (n - 1)]
    words += [b"a\x00", b"a\x00\x00", b"a\x00\x00", b"\x00", b"\x00" * 9, b"\x00" * 9]
    yield "shared-prefixes", b" ".join(words) + b"\n"
    # Random bytes, biased to the boundaries of UTF-8, cross-checked with Python's decoder.
    rng = random.Random(20240601)
    pool = list(range(0x80, 0x100)) + [0x20, 0x0A, 0x61, 0x62] * 8 + [0xC2, 0xE2, 0xE3, 0xE1, 0xF0, 0xF4, 0xED] * 8
    yield "random-bytes", bytes(rng.choice(pool) for _ in range(40000))
    # A line far longer than the rules' 64 KiB read buffer, with multi-byte characters across it.
    unit = "alpha beta\u00a0gamma \u00e9t\u00e9 \U0001D11E\u3000delta "
    yield "long-line", (unit * 5000).encode()


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs")
    os.makedirs(out, exist_ok=True)
    for name, data in cases():
        with open(os.path.join(out, name + ".txt"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(*sys.argv[1:])
