package dev.freshjar.textutils;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream of UTF-8 bytes into words and counts them. A word that runs past the end of one
 * chunk is kept in the window and finished in the next, so only the word being read, never its
 * line, is held in memory.
 */
final class WordScanner {
  private final WordCounts counts;
  // Where the open word starts in the window, or -1 between words.
  private int start = -1;
  // Whether the open word has malformed bytes, which must be replaced before it is counted.
  private boolean malformed;
  private byte[] replaced = new byte[0];

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
      int keep = scanner.start >= 0 ? scanner.start : resume;
      more = window.refill(keep);
      if (scanner.start >= 0) {
        scanner.start -= keep;
      }
      resume = scanner.scan(window.bytes(), resume - keep, window.limit(), !more);
    } while (more);
    if (scanner.start >= 0) {
      scanner.endWord(window.bytes(), window.limit());
    }
  }

  /** Scans {@code bytes[from, limit)}; returns where an unfinished sequence starts, else limit. */
  private int scan(byte[] bytes, int from, int limit, boolean atEnd) throws IOException {
    int i = from;
    while (i < limit) {
      if (i <= limit - 8) {
        long block = AsciiBlock.read(bytes, i);
        int asciiLanes = AsciiBlock.asciiPrefix(block);
        if (asciiLanes > 0) {
          long lanes = AsciiBlock.lanesBelow(asciiLanes);
          long spaces = AsciiBlock.spaces(block) & lanes;
          if (start < 0) {
            long wordLanes = ~spaces & lanes;
            if (wordLanes == 0) {
              i += asciiLanes;
              continue;
            }
            int first = Long.numberOfTrailingZeros(wordLanes) >>> 3;
            start = i + first;
            // Only the spaces after the word's first byte can end it.
            spaces &= ~AsciiBlock.lanesBelow(first + 1);
          }
          if (spaces == 0) {
            i += asciiLanes;
            continue;
          }
          int end = i + (Long.numberOfTrailingZeros(spaces) >>> 3);
          endWord(bytes, end);
          i = end + 1;
          continue;
        }
      }
      byte b = bytes[i];
      if (b >= 0) {
        if (Utf8.classOf(b) != Utf8.WORD) {
          if (start >= 0) {
            endWord(bytes, i);
          }
        } else if (start < 0) {
          start = i;
        }
        i++;
        continue;
      }
      int decoded = Utf8.decode(bytes, i, limit, atEnd);
      if (decoded == Utf8.NEED_MORE) {
        break;
      }
      if (Utf8.isSpace(Utf8.codePoint(decoded))) {
        if (start >= 0) {
          endWord(bytes, i);
        }
      } else {
        if (start < 0) {
          start = i;
        }
        malformed |= Utf8.isInvalid(decoded);
      }
      i += Utf8.length(decoded);
    }
    return i;
  }

  private void endWord(byte[] bytes, int end) throws IOException {
    if (malformed) {
      addReplaced(bytes, end);
      malformed = false;
    } else {
      counts.add(bytes, start, end - start);
    }
    start = -1;
  }

  private void addReplaced(byte[] bytes, int end) throws IOException {
    int length = end - start;
    // Each malformed byte becomes at most the three bytes of U+FFFD.
    long room = 3L * length;
    if (room > Integer.MAX_VALUE - 8) {
      throw new IOException("a word of " + length + " bytes with malformed UTF-8 is too long");
    }
    if (replaced.length < room) {
      replaced = new byte[(int) room];
    }
    counts.add(replaced, 0, Utf8.replaceMalformed(bytes, start, end, replaced));
  }
}
