package dev.freshjar.textutils;

/**
 * A multiplicative hash of a word's bytes, read eight at a time; two multiplications for a word of
 * up to sixteen bytes, without a branch on its length. Its high bits are the well-mixed ones, so
 * tables index by those. It depends only on the bytes, not on where they lie in their array.
 */
final class WordHash {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private WordHash() {}

  /**
   * Hashes {@code bytes[from, from + length)}.
   *
   * @param first the word's first eight bytes, as {@link AsciiBlock#readPartial} reads them
   * @param second its next eight bytes, read the same way
   */
  static int of(byte[] bytes, int from, int length, long first, long second) {
    long hash = next((first ^ length) * MULTIPLIER, second);
    if (length > 16) {
      int at = from + 16;
      int end = from + length;
      while (end - at >= 8) {
        hash = next(hash, AsciiBlock.read(bytes, at));
        at += 8;
      }
      if (at < end) {
        // The word's last eight bytes, shifted so only the ones not yet hashed remain.
        hash = next(hash, AsciiBlock.read(bytes, end - 8) >>> (8 * (8 - (end - at))));
      }
    }
    return (int) (hash >>> 32);
  }

  private static long next(long hash, long eightBytes) {
    // The rotation brings the mixed high bits down, where the next product spreads them again.
    return (Long.rotateLeft(hash, 32) ^ eightBytes) * MULTIPLIER;
  }
}
