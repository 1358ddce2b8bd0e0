package dev.freshjar.textutils;

import java.nio.file.Path;

/**
 * How a word count is carried out: how many threads, how large a chunk of a seekable input each
 * takes at least, how much memory the word tables may hold before they spill to disk, and where.
 * The rules use {@link #defaults()}; tests shrink the numbers so that small inputs take the
 * parallel and the spilling paths too.
 *
 * @param threads the most threads counting at once, at least 1
 * @param minChunk the fewest bytes worth a chunk of its own; smaller inputs are counted in one
 * @param chunksPerThread how many chunks per thread, so that a thread slowed down by other work on
 *     the machine leaves its share to the others
 * @param tableBudget the bytes all word tables together may hold; past it, they spill
 * @param spillDirectory where spilled word lists go
 */
record CountingPlan(
    int threads, long minChunk, int chunksPerThread, long tableBudget, Path spillDirectory) {
  // Below this a second thread costs more than it saves: starting it, and JIT-compiling the
  // scanner's loop on a second thread.
  private static final long MIN_CHUNK = 8L << 20;
  // With the JVM's own needs, this keeps a run's resident memory well under 512 MB; 1 GB of
  // English-like text (400,000 distinct words) never spills.
  private static final long TABLE_BUDGET = 128L << 20;

  CountingPlan {
    if (threads < 1 || minChunk < 1 || chunksPerThread < 1 || tableBudget < 1) {
      throw new IllegalArgumentException("not a counting plan: " + threads + ", " + minChunk);
    }
  }

  /** A plan that never spills: for tests of the parallel path alone. */
  CountingPlan(int threads, long minChunk, int chunksPerThread) {
    this(threads, minChunk, chunksPerThread, Long.MAX_VALUE, Spills.defaultDirectory());
  }

  static CountingPlan defaults() {
    return new CountingPlan(
        Runtime.getRuntime().availableProcessors(),
        MIN_CHUNK,
        4,
        Math.min(TABLE_BUDGET, Runtime.getRuntime().maxMemory() / 4),
        Spills.defaultDirectory());
  }

  /** How many chunks to cut an input of {@code size} bytes into; 1 means read it in one go. */
  int chunks(long size) {
    if (threads == 1) {
      return 1;
    }
    return (int) Math.max(1, Math.min((long) threads * chunksPerThread, size / minChunk));
  }

  /** A word table for one of {@code tables} threads, spilling to {@code spills}. */
  WordCounts table(Spills spills, int tables) {
    return tableBudget == Long.MAX_VALUE
        ? new WordCounts()
        : new WordCounts(spills, Math.max(1, tableBudget / tables));
  }
}
