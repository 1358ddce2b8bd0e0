package dev.freshjar.textutils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges runs sorted by rank (count descending, then the word in code-point order), one word at a
 * time, on demand: what a streamed ranking reads while it prints. Words are distinct across the
 * runs (each came once out of the word-order merge), so nothing is added up here.
 */
final class RankedMerge {
  private final PriorityQueue<RunMerge.Reader> queue;
  private byte[] word = new byte[64];
  private int length;
  private long count;

  RankedMerge(List<FileChannel> runs) throws IOException {
    queue = new PriorityQueue<>(Math.max(1, runs.size()), RankedMerge::compare);
    for (FileChannel run : runs) {
      RunMerge.Reader reader = RunMerge.Reader.of(run, Spills.readBuffer());
      if (reader.next()) {
        queue.add(reader);
      }
    }
  }

  /** Moves to the next word; false after the last. */
  boolean next() throws IOException {
    RunMerge.Reader best = queue.poll();
    if (best == null) {
      return false;
    }
    length = best.length();
    if (word.length < length) {
      word = new byte[Math.max(length, 2 * word.length)];
    }
    System.arraycopy(best.word(), 0, word, 0, length);
    count = best.count();
    if (best.next()) {
      queue.add(best);
    }
    return true;
  }

  /** The current word's bytes, {@code [0, length())}; overwritten by {@link #next}. */
  byte[] word() {
    return word;
  }

  int length() {
    return length;
  }

  long count() {
    return count;
  }

  private static int compare(RunMerge.Reader a, RunMerge.Reader b) {
    int byCount = Long.compare(b.count(), a.count());
    if (byCount != 0) {
      return byCount;
    }
    return Arrays.compareUnsigned(a.word(), 0, a.length(), b.word(), 0, b.length());
  }
}
