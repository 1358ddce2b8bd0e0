package dev.freshjar.textutils;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts newlines, words and code points in a stream of UTF-8 bytes, in constant memory: the only
 * state carried from one chunk to the next is whether a word is open and at most three bytes of an
 * unfinished sequence.
 */
final class WcCounter {
  /** What {@link #count} found. */
  record Counts(long lines, long words, long chars) {}

  private long lines;
  private long words;
  private long scanned;
  // Bytes beyond the first of each multi-byte sequence or malformed subpart: chars = scanned -
  // this.
  private long extraBytes;
  private boolean inWord;

  private WcCounter() {}

  /**
   * Reads {@code utf8} to its end.
   *
   * @param utf8 the text; not closed
   * @return the counts
   * @throws IOException when reading fails
   */
  static Counts count(InputStream utf8) throws IOException {
    WcCounter counter = new WcCounter();
    StreamWindow window = new StreamWindow(utf8);
    int unfinished = 0;
    boolean more;
    do {
      more = window.refill(unfinished);
      unfinished = counter.scan(window.bytes(), window.limit(), !more);
    } while (more);
    return new Counts(counter.lines, counter.words, counter.scanned - counter.extraBytes);
  }

  /** Scans {@code bytes[0, limit)}; returns where an unfinished sequence starts, else limit. */
  private int scan(byte[] bytes, int limit, boolean atEnd) {
    long lines = this.lines;
    long words = this.words;
    long extraBytes = this.extraBytes;
    // 1 after white space (and at the start), 0 inside a word: a word starts where it drops to 0.
    int afterSpace = inWord ? 0 : 1;
    int i = 0;
    while (i < limit) {
      if (i <= limit - 8) {
        long block = AsciiBlock.read(bytes, i);
        int asciiLanes = AsciiBlock.asciiPrefix(block);
        if (asciiLanes > 0) {
          long lanes = AsciiBlock.lanesBelow(asciiLanes);
          long spaces = AsciiBlock.spaces(block) & lanes;
          // A lane starts a word when it is not space and the lane before it (or, for lane 0, the
          // previous byte) was.
          long before = (spaces << 8) | ((long) afterSpace << 7);
          words += Long.bitCount(before & ~spaces & lanes);
          lines += Long.bitCount(AsciiBlock.newlines(block) & lanes);
          afterSpace = (int) (spaces >>> (8 * asciiLanes - 1)) & 1;
          i += asciiLanes;
          continue;
        }
      }
      byte b = bytes[i];
      if (b >= 0) {
        // Branch-free on the ASCII path: WORD=0, SPACE=1, NEWLINE=2.
        int byteClass = Utf8.classOf(b);
        int space = (byteClass + 1) >> 1;
        lines += byteClass >> 1;
        words += afterSpace & (space ^ 1);
        afterSpace = space;
        i++;
      } else {
        int decoded = Utf8.decode(bytes, i, limit, atEnd);
        if (decoded == Utf8.NEED_MORE) {
          break;
        }
        int space = Utf8.isSpace(Utf8.codePoint(decoded)) ? 1 : 0;
        words += afterSpace & (space ^ 1);
        afterSpace = space;
        int length = Utf8.length(decoded);
        extraBytes += length - 1;
        i += length;
      }
    }
    this.lines = lines;
    this.words = words;
    this.extraBytes = extraBytes;
    this.scanned += i;
    this.inWord = afterSpace == 0;
    return i;
  }
}
