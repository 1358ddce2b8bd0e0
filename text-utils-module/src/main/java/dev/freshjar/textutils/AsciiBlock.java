package dev.freshjar.textutils;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Classifies eight ASCII bytes at once (SWAR: one {@code long}, one byte per lane), which is what
 * lets the rules scan plain text several times faster than byte by byte. Every mask has bit 7 of a
 * lane set where the lane's byte has the property; lane {@code k} is the byte at offset {@code k}.
 */
final class AsciiBlock {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

  private AsciiBlock() {}

  /** The eight bytes at {@code bytes[at]}, the first in the lowest lane. */
  static long read(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  /**
   * The {@code count} bytes at {@code bytes[at]} (0 to 8), the first in the lowest lane, the lanes
   * above them zero. Safe at the end of the array.
   */
  static long readPartial(byte[] bytes, int at, int count) {
    if (at <= bytes.length - 8) {
      return read(bytes, at) & lowBytes(count);
    }
    return readPartialAtEnd(bytes, at, count);
  }

  /**
   * The mask of the lowest {@code count} bytes, for {@code count} from 0 to 8, without a branch.
   */
  static long lowBytes(int count) {
    // Two shifts, because Java takes a shift distance of 64 as 0.
    return ~((-1L << (4 * count)) << (4 * count));
  }

  private static long readPartialAtEnd(byte[] bytes, int at, int count) {
    long partial = 0;
    for (int k = 0; k < count; k++) {
      partial |= (bytes[at + k] & 0xFFL) << (8 * k);
    }
    return partial;
  }

  /**
   * How many lanes, from lane 0, hold ASCII bytes. The masks below are exact in those lanes: the
   * arithmetic on a lane of 0x80 or above carries only into higher lanes.
   */
  static int asciiPrefix(long block) {
    long high = block & HIGH_BITS;
    return high == 0 ? 8 : Long.numberOfTrailingZeros(high) >>> 3;
  }

  /** The mask of lanes 0 to {@code count - 1}, for {@code count} from 1 to 8. */
  static long lanesBelow(int count) {
    return HIGH_BITS >>> (64 - 8 * count);
  }

  /** The lanes that equal {@code value}. Exact because every lane and value is below 0x80. */
  private static long equal(long block, long value) {
    long difference = block ^ (value * 0x0101010101010101L);
    return ~((difference + LOW_BITS) | difference) & HIGH_BITS;
  }

  /** The lanes holding a newline. */
  static long newlines(long block) {
    return equal(block, '\n');
  }

  /** The lanes holding white space: U+0009..U+000D or the space. */
  static long spaces(long block) {
    // Adding 0x80 - k to a lane below 0x80 sets its bit 7 exactly when the lane is >= k, without a
    // carry into the next lane.
    long atLeastTab = block + 0x7777777777777777L;
    long atLeastShiftOut = block + 0x7272727272727272L;
    return ((atLeastTab & ~atLeastShiftOut) & HIGH_BITS) | equal(block, ' ');
  }
}
