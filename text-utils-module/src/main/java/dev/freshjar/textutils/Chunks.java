package dev.freshjar.textutils;

import dev.freshjar.api.Input;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a seekable UTF-8 input into chunks that can be counted on their own and give, added up, the
 * counts of the whole: every cut falls where a white-space character starts. An ASCII white-space
 * byte never occurs inside a multi-byte sequence, and a lead byte (0xC2 to 0xF4) always starts a
 * sequence of its own however malformed the bytes before it are, so a chunk decodes exactly as the
 * same bytes do within the whole text, and no word or character is split.
 */
final class Chunks {
  // Bytes read per look for a cut; three more are kept so that a sequence is never cut short.
  private static final int WINDOW = 16 * 1024;
  private static final int LONGEST_SPACE = 3;

  private Chunks() {}

  /**
   * Where {@code count} chunks of about equal size start, and the size at the end: chunk {@code k}
   * is {@code [cuts[k], cuts[k + 1])}. A chunk is empty where no white space lies between two
   * nominal cuts (a word longer than a chunk).
   *
   * @param size the input's size in bytes
   * @return {@code count + 1} non-decreasing offsets, the first 0 and the last {@code size}
   */
  static long[] cuts(Input input, long size, int count) throws IOException {
    long[] cuts = new long[count + 1];
    cuts[count] = size;
    // From the end back, so that "no white space before the next nominal cut" resolves to the
    // next cut, already known.
    for (int k = count - 1; k > 0; k--) {
      long nominal = size / count * k;
      long bound = cuts[k + 1];
      long found = nominal >= bound ? -1 : firstSpace(input, nominal, bound, size);
      cuts[k] = found < 0 ? bound : found;
    }
    return cuts;
  }

  /** The offset in {@code [from, bound)} where the first white-space character starts, or -1. */
  static long firstSpace(Input input, long from, long bound, long size) throws IOException {
    byte[] window = new byte[WINDOW + LONGEST_SPACE];
    try (InputStream in = input.openStream(from)) {
      long base = from;
      int have = 0;
      boolean atEnd = false;
      while (base < bound) {
        while (have < window.length && !atEnd) {
          int read = in.read(window, have, window.length - have);
          if (read < 0) {
            atEnd = true;
          } else {
            have += read;
          }
        }
        atEnd |= base + have >= size;
        int scan = (int) Math.min(atEnd ? have : have - LONGEST_SPACE, bound - base);
        for (int i = 0; i < scan; i++) {
          if (startsSpace(window, i, have, atEnd)) {
            return base + i;
          }
        }
        if (scan <= 0) {
          return -1;
        }
        System.arraycopy(window, scan, window, 0, have - scan);
        base += scan;
        have -= scan;
      }
      return -1;
    }
  }

  private static boolean startsSpace(byte[] bytes, int at, int limit, boolean atEnd) {
    byte b = bytes[at];
    if (b >= 0) {
      return Utf8.classOf(b) != Utf8.WORD;
    }
    int decoded = Utf8.decode(bytes, at, limit, atEnd);
    return decoded != Utf8.NEED_MORE
        && !Utf8.isInvalid(decoded)
        && Utf8.isSpace(Utf8.codePoint(decoded));
  }
}
