package dev.freshjar.textutils;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream of UTF-8 bytes into words and counts them, in two passes over each span of the
 * read buffer: the first finds where words start and end, eight bytes at a time and without
 * branching on the words themselves; the second counts the words found. Separating them keeps the
 * scan's loop free of the table lookups, and lets the processor overlap consecutive lookups.
 *
 * <p>A word that runs past the end of what was read stays open and is finished after the next read,
 * so only the word being read, never its line, is held in memory.
 */
final class WordScanner {
  // Bytes scanned per first pass; the boundary arrays are sized for the most words that fit in it.
  private static final int SPAN = 16 * 1024;
  // A block of eight bytes holds at most four word starts and four ends, written unconditionally.
  private static final int CAPACITY = SPAN / 2 + 16;

  private final WordCounts counts;
  // Word k spans [starts[k], ends[k]) in the window. A start stored as ~start (negative) marks a
  // word with malformed bytes, to be replaced before it is counted. When a word is open, its start
  // is starts[ends found].
  private final int[] starts = new int[CAPACITY];
  private final int[] ends = new int[CAPACITY];
  private int startsFound;
  private int endsFound;
  // 1 between words (and at the start), 0 inside a word.
  private int afterSpace = 1;
  // A malformed word after replacement: replaced[replacedStart[0], replacedEnd[0]).
  private byte[] replaced = new byte[0];
  private final int[] replacedStart = {0};
  private final int[] replacedEnd = new int[1];

  private WordScanner(WordCounts counts) {
    this.counts = counts;
  }

  /**
   * Reads {@code utf8} to its end and counts its words into {@code counts}.
   *
   * @param utf8 the text; not closed
   * @throws IOException when reading fails
   */
  static void countWords(InputStream utf8, WordCounts counts) throws IOException {
    WordScanner scanner = new WordScanner(counts);
    StreamWindow window = new StreamWindow(utf8);
    int resume = 0;
    boolean more;
    do {
      int keep = scanner.inWord() ? scanner.openWordStart() : resume;
      more = window.refill(keep);
      scanner.moveOpenWord(-keep);
      resume -= keep;
      byte[] bytes = window.bytes();
      int limit = window.limit();
      while (resume < limit) {
        int stop = limit - resume > SPAN ? resume + SPAN : limit;
        int reached = scanner.findWords(bytes, resume, stop, limit, !more);
        scanner.countWordsFound(bytes);
        resume = reached;
        if (reached < stop) {
          break; // an unfinished sequence at the end of what was read
        }
      }
    } while (more);
    if (scanner.inWord()) {
      scanner.ends[scanner.endsFound++] = window.limit();
      scanner.countWordsFound(window.bytes());
    }
  }

  private boolean inWord() {
    return afterSpace == 0;
  }

  private int openWordStart() {
    int start = starts[endsFound];
    return start < 0 ? ~start : start;
  }

  private void moveOpenWord(int by) {
    if (inWord()) {
      int start = starts[0];
      starts[0] = start < 0 ? ~(~start + by) : start + by;
    }
  }

  /**
   * The first pass: records the starts and ends of words in {@code bytes[from, stop)}, reading
   * ahead to {@code limit} to finish a sequence.
   *
   * @return where scanning stopped: at or a little past {@code stop}, or before it where a sequence
   *     continues past {@code limit}
   */
  private int findWords(byte[] bytes, int from, int stop, int limit, boolean atEnd) {
    int startsFound = this.startsFound;
    int endsFound = this.endsFound;
    int afterSpace = this.afterSpace;
    int i = from;
    while (i < stop) {
      if (i <= limit - 8) {
        long block = AsciiBlock.read(bytes, i);
        int asciiLanes = AsciiBlock.asciiPrefix(block);
        if (asciiLanes > 0) {
          long lanes = AsciiBlock.lanesBelow(asciiLanes);
          long spaces = AsciiBlock.spaces(block) & lanes;
          long before = (spaces << 8) | ((long) afterSpace << 7);
          startsFound = record(starts, startsFound, i, ~spaces & before & lanes);
          endsFound = record(ends, endsFound, i, spaces & ~before);
          afterSpace = (int) (spaces >>> (8 * asciiLanes - 1)) & 1;
          i += asciiLanes;
          continue;
        }
      }
      int space;
      int length;
      boolean malformed = false;
      byte b = bytes[i];
      if (b >= 0) {
        space = Utf8.classOf(b) == Utf8.WORD ? 0 : 1;
        length = 1;
      } else {
        int decoded = Utf8.decode(bytes, i, limit, atEnd);
        if (decoded == Utf8.NEED_MORE) {
          break;
        }
        space = Utf8.isSpace(Utf8.codePoint(decoded)) ? 1 : 0;
        malformed = Utf8.isInvalid(decoded);
        length = Utf8.length(decoded);
      }
      if (space != afterSpace) {
        if (space == 0) {
          starts[startsFound++] = i;
        } else {
          ends[endsFound++] = i;
        }
      }
      if (malformed && starts[startsFound - 1] >= 0) {
        starts[startsFound - 1] = ~starts[startsFound - 1];
      }
      afterSpace = space;
      i += length;
    }
    this.startsFound = startsFound;
    this.endsFound = endsFound;
    this.afterSpace = afterSpace;
    return i;
  }

  /**
   * Appends the positions of the lanes set in {@code mask} (at most four) to {@code into}. Writes
   * four entries whatever the count, so that there is no branch on it; the extra ones are garbage
   * that the next appends overwrite.
   */
  private static int record(int[] into, int count, int base, long mask) {
    int found = Long.bitCount(mask);
    into[count] = base + (Long.numberOfTrailingZeros(mask) >>> 3);
    mask &= mask - 1;
    into[count + 1] = base + (Long.numberOfTrailingZeros(mask) >>> 3);
    mask &= mask - 1;
    into[count + 2] = base + (Long.numberOfTrailingZeros(mask) >>> 3);
    mask &= mask - 1;
    into[count + 3] = base + (Long.numberOfTrailingZeros(mask) >>> 3);
    return count + found;
  }

  /** The second pass: counts the words found, and keeps the open one's start for the next. */
  private void countWordsFound(byte[] bytes) throws IOException {
    int words = endsFound;
    counts.addAll(bytes, starts, ends, words);
    for (int k = 0; k < words; k++) {
      if (starts[k] < 0) {
        addReplaced(bytes, ~starts[k], ends[k]);
      }
    }
    if (inWord()) {
      starts[0] = starts[words];
    }
    startsFound = inWord() ? 1 : 0;
    endsFound = 0;
  }

  private void addReplaced(byte[] bytes, int start, int end) throws IOException {
    int length = end - start;
    // Each malformed byte becomes at most the three bytes of U+FFFD.
    long room = 3L * length;
    if (room > Integer.MAX_VALUE - 8) {
      throw new IOException("a word of " + length + " bytes with malformed UTF-8 is too long");
    }
    if (replaced.length < room) {
      replaced = new byte[(int) room];
    }
    replacedEnd[0] = Utf8.replaceMalformed(bytes, start, end, replaced);
    counts.addAll(replaced, replacedStart, replacedEnd, 1);
  }
}
