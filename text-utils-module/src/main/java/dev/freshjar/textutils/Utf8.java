package dev.freshjar.textutils;

/**
 * UTF-8 decoding one sequence at a time, with the replacement rule of Python's {@code
 * errors="replace"} (and of the Unicode standard's "maximal subpart" practice): each maximal prefix
 * of a well-formed sequence that cannot be completed decodes to one U+FFFD, and decoding resumes at
 * the byte that broke it. Java's own decoder differs (it turns a surrogate {@code ED A0 80} into
 * one U+FFFD where Python gives three), so the rules do not use it for UTF-8.
 */
final class Utf8 {
  /** Returned by {@link #decode} when the sequence may continue past the bytes read so far. */
  static final int NEED_MORE = -1;

  /** An ASCII byte that is part of a word. */
  static final byte WORD = 0;

  /** An ASCII white-space byte other than the newline. */
  static final byte SPACE = 1;

  /** The newline byte, white space that also ends a line. */
  static final byte NEWLINE = 2;

  /** A byte of 0x80 or above: part of a multi-byte sequence, or malformed. */
  static final byte MULTIBYTE = 3;

  /**
   * The class of every byte value: the ASCII white space of the reference list (not U+001C..U+001F,
   * which Java and Python's {@code isspace} also count), ASCII word bytes, and bytes that start or
   * continue a multi-byte sequence.
   */
  private static final byte[] CLASSES = new byte[256];

  static {
    for (int b = 0x80; b < 0x100; b++) {
      CLASSES[b] = MULTIBYTE;
    }
    for (char c : new char[] {'\t', '\u000b', '\u000c', '\r', ' '}) {
      CLASSES[c] = SPACE;
    }
    CLASSES['\n'] = NEWLINE;
  }

  private static final int INVALID = 8;

  private Utf8() {}

  /**
   * The class of a byte.
   *
   * @param b any byte
   * @return {@link #WORD}, {@link #SPACE}, {@link #NEWLINE} or {@link #MULTIBYTE}
   */
  static byte classOf(byte b) {
    return CLASSES[b & 0xFF];
  }

  /**
   * Decodes the sequence that starts with the non-ASCII byte {@code bytes[at]}.
   *
   * @param bytes the buffer
   * @param at where the sequence starts; {@code bytes[at]} is 0x80 or above
   * @param limit the end of the bytes read so far
   * @param atEnd whether nothing follows {@code limit}, so an unfinished sequence is malformed
   * @return {@link #NEED_MORE}, or a packed result to read with {@link #length}, {@link #codePoint}
   *     and {@link #isInvalid}
   */
  static int decode(byte[] bytes, int at, int limit, boolean atEnd) {
    int lead = bytes[at] & 0xFF;
    int continuations;
    int codePoint;
    // The second byte's range is narrower after E0, ED, F0 and F4: that is what excludes overlong
    // forms, surrogates and code points above U+10FFFF.
    int low = 0x80;
    int high = 0xBF;
    if (lead < 0xC2) {
      return invalid(1);
    } else if (lead < 0xE0) {
      continuations = 1;
      codePoint = lead & 0x1F;
    } else if (lead < 0xF0) {
      continuations = 2;
      codePoint = lead & 0x0F;
      if (lead == 0xE0) {
        low = 0xA0;
      } else if (lead == 0xED) {
        high = 0x9F;
      }
    } else if (lead < 0xF5) {
      continuations = 3;
      codePoint = lead & 0x07;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F;
      }
    } else {
      return invalid(1);
    }
    for (int k = 1; k <= continuations; k++) {
      if (at + k >= limit) {
        return atEnd ? invalid(k) : NEED_MORE;
      }
      int b = bytes[at + k] & 0xFF;
      if (b < low || b > high) {
        return invalid(k);
      }
      low = 0x80;
      high = 0xBF;
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    return (codePoint << 4) | (continuations + 1);
  }

  private static int invalid(int length) {
    return (0xFFFD << 4) | INVALID | length;
  }

  /** The number of bytes a {@link #decode} result consumed. */
  static int length(int decoded) {
    return decoded & 7;
  }

  /** The code point of a {@link #decode} result; U+FFFD for a malformed sequence. */
  static int codePoint(int decoded) {
    return decoded >>> 4;
  }

  /** Whether a {@link #decode} result is a malformed sequence that decodes to U+FFFD. */
  static boolean isInvalid(int decoded) {
    return (decoded & INVALID) != 0;
  }

  /** Whether a non-ASCII code point is Unicode White_Space. */
  static boolean isSpace(int codePoint) {
    return codePoint == 0x85
        || codePoint == 0xA0
        || codePoint == 0x1680
        || (codePoint >= 0x2000 && codePoint <= 0x200A)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || codePoint == 0x202F
        || codePoint == 0x205F
        || codePoint == 0x3000;
  }

  /**
   * Copies {@code bytes[from, to)} to {@code into} with every malformed sequence replaced by the
   * encoding of U+FFFD, so that words that differ only in their malformed bytes become equal.
   *
   * @param into a buffer of at least {@code 3 * (to - from)} bytes
   * @return the number of bytes written
   */
  static int replaceMalformed(byte[] bytes, int from, int to, byte[] into) {
    int out = 0;
    int i = from;
    while (i < to) {
      if (bytes[i] >= 0) {
        into[out++] = bytes[i++];
        continue;
      }
      int decoded = decode(bytes, i, to, true);
      int length = length(decoded);
      if (isInvalid(decoded)) {
        into[out++] = (byte) 0xEF;
        into[out++] = (byte) 0xBF;
        into[out++] = (byte) 0xBD;
      } else {
        System.arraycopy(bytes, i, into, out, length);
        out += length;
      }
      i += length;
    }
    return out;
  }
}
