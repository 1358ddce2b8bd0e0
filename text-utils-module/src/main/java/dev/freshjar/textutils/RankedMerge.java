package dev.freshjar.textutils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Merges runs sorted by rank (count descending, then the word in code-point order), one word at a
 * time, on demand: what a streamed ranking reads while it prints. Words are distinct across the
 * runs (each came once out of the word-order merge), so nothing is added up here.
 */
final class RankedMerge {
  private final MergedRuns merged;

  RankedMerge(List<FileChannel> runs) throws IOException {
    merged = new MergedRuns(runs, Spills.readBuffer(), MergedRuns.Reader::byRank);
  }

  /** Moves to the next word; false after the last. */
  boolean next() throws IOException {
    return merged.next();
  }

  /** The current word's bytes, {@code [0, length())}; overwritten by {@link #next}. */
  byte[] word() {
    return merged.word();
  }

  int length() {
    return merged.length();
  }

  long count() {
    return merged.count();
  }
}
