package dev.freshjar.textutils;

/**
 * A multiplicative hash of a word's bytes, read eight at a time; one multiplication for the usual
 * word of up to eight bytes. Its high bits are the well-mixed ones, so tables index by those. It
 * depends only on the bytes, not on where they lie in their array.
 */
final class WordHash {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private WordHash() {}

  /**
   * Hashes {@code bytes[from, from + length)}.
   *
   * @param prefix the word's first eight bytes as {@link AsciiBlock#readPartial} reads them
   */
  static int of(byte[] bytes, int from, int length, long prefix) {
    long hash = (prefix ^ length) * MULTIPLIER;
    int at = from + 8;
    int end = from + length;
    while (end - at >= 8) {
      hash = next(hash, AsciiBlock.read(bytes, at));
      at += 8;
    }
    if (at < end) {
      // The word's last eight bytes, shifted so only the ones not yet hashed remain.
      hash = next(hash, AsciiBlock.read(bytes, end - 8) >>> (8 * (8 - (end - at))));
    }
    return (int) (hash >>> 32);
  }

  private static long next(long hash, long eightBytes) {
    // The rotation brings the mixed high bits down, where the next product spreads them again.
    return (Long.rotateLeft(hash, 32) ^ eightBytes) * MULTIPLIER;
  }
}
