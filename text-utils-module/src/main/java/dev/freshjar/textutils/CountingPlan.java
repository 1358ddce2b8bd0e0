package dev.freshjar.textutils;

/**
 * How a word count is carried out: how many threads, and how large a chunk of a seekable input each
 * takes at least. The rules use {@link #defaults()}; tests shrink the numbers so that small inputs
 * take the parallel path too.
 *
 * @param threads the most threads counting at once, at least 1
 * @param minChunk the fewest bytes worth a chunk of its own; smaller inputs are counted in one
 * @param chunksPerThread how many chunks per thread, so that a thread slowed down by other work on
 *     the machine leaves its share to the others
 */
record CountingPlan(int threads, long minChunk, int chunksPerThread) {
  // Below this a second thread costs more than it saves: starting it, and JIT-compiling the
  // scanner's loop on a second thread.
  private static final long MIN_CHUNK = 8L << 20;

  CountingPlan {
    if (threads < 1 || minChunk < 1 || chunksPerThread < 1) {
      throw new IllegalArgumentException("not a counting plan: " + threads + ", " + minChunk);
    }
  }

  static CountingPlan defaults() {
    return new CountingPlan(Runtime.getRuntime().availableProcessors(), MIN_CHUNK, 4);
  }

  /** How many chunks to cut an input of {@code size} bytes into; 1 means read it in one go. */
  int chunks(long size) {
    if (threads == 1) {
      return 1;
    }
    return (int) Math.max(1, Math.min((long) threads * chunksPerThread, size / minChunk));
  }
}
