package dev.freshjar.textutils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/** Merges runs of words sorted by their bytes, adding up the counts of equal words. */
final class RunMerge {
  /** Receives each distinct word once, in ascending byte order, with its total count. */
  interface Sink {
    void accept(byte[] word, int from, int length, long count) throws IOException;
  }

  private RunMerge() {}

  static void merge(List<FileChannel> runs, int buffer, Sink sink) throws IOException {
    MergedRuns merged = new MergedRuns(runs, buffer, MergedRuns.Reader::byWord);
    while (merged.next()) {
      long total = merged.count();
      while (merged.nextHoldsSameWord()) {
        merged.next();
        total += merged.count();
      }
      sink.accept(merged.word(), 0, merged.length(), total);
    }
  }
}
