package dev.freshjar.textutils;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffer that reads a stream in large chunks and, on each refill, keeps the unfinished tail of
 * the previous chunk (a partial UTF-8 sequence, or a partial word) in front of the new bytes. It
 * grows only when the kept tail fills it, so memory is bounded by the longest tail a caller keeps.
 */
final class StreamWindow {
  private static final int CHUNK = 64 * 1024;

  // Arrays cannot be longer than this on common JVMs.
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private final InputStream in;
  private byte[] bytes = new byte[CHUNK];
  private int limit;
  private boolean atEnd;

  StreamWindow(InputStream in) {
    this.in = in;
  }

  /** The buffer; valid until the next {@link #refill}. */
  byte[] bytes() {
    return bytes;
  }

  /** The end of the valid bytes in {@link #bytes()}. */
  int limit() {
    return limit;
  }

  /**
   * Moves {@code bytes[keepFrom, limit)} to the front of the buffer and reads more after it.
   *
   * @param keepFrom the first byte still needed; it is at index 0 afterwards
   * @return false when the stream has ended and nothing more was read
   * @throws IOException when reading fails, or the kept tail cannot grow any further
   */
  boolean refill(int keepFrom) throws IOException {
    int kept = limit - keepFrom;
    if (kept > 0 && keepFrom > 0) {
      System.arraycopy(bytes, keepFrom, bytes, 0, kept);
    }
    limit = kept;
    if (atEnd) {
      return false;
    }
    if (limit == bytes.length) {
      grow();
    }
    int read = in.read(bytes, limit, bytes.length - limit);
    if (read < 0) {
      atEnd = true;
      return false;
    }
    limit += read;
    return true;
  }

  private void grow() throws IOException {
    if (bytes.length == MAX_CAPACITY) {
      throw new IOException("a word longer than " + MAX_CAPACITY + " bytes cannot be counted");
    }
    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, 2L * bytes.length));
  }
}
