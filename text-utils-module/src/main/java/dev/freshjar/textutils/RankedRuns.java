package dev.freshjar.textutils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The second pass of a count that spilled, for a ranking of every word (histogram): the runs of
 * {@link Spills} come out of their merge in word order, each distinct word once with its total; to
 * list them by rank (count descending, then the word in code-point order) they are sorted again,
 * externally: a buffer of at most {@code budget} bytes is filled, sorted by rank and written as a
 * ranked run, and so on; {@link RankedMerge} then merges the ranked runs while the rows are
 * printed.
 */
final class RankedRuns implements RunMerge.Sink {
  // Per buffered word: its count, and its offset and length.
  private static final int ENTRY_BYTES = 2 * Long.BYTES;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Spills spills;
  private final List<FileChannel> ranked = new ArrayList<>();
  // Allocated once, at their full size: arrays that doubled as they filled would leave garbage
  // that the heap grows for, which the process's resident memory would show.
  private byte[] arena;
  private int arenaUsed;
  private long[] counts;
  private long[] places;
  private int size;

  private RankedRuns(Spills spills, long budget) {
    this.spills = spills;
    // Half for the words' bytes, half for what is kept per word.
    long half = Math.max(1, budget / 2);
    arena = new byte[(int) Math.min(MAX_ARRAY, half)];
    int entries = (int) Math.min(MAX_ARRAY, Math.max(1, half / ENTRY_BYTES));
    counts = new long[entries];
    places = new long[entries];
  }

  /**
   * Merges the runs of {@code spills} and sorts the words by rank into at most {@link
   * Spills#FAN_IN} ranked runs, holding about {@code budget} bytes of words at once (and a sort's
   * two arrays of an int per word).
   */
  static List<FileChannel> of(Spills spills, long budget) throws IOException {
    RankedRuns sort = new RankedRuns(spills, budget);
    spills.merge(sort);
    sort.flush();
    sort.arena = null;
    sort.counts = null;
    sort.places = null;
    List<FileChannel> runs = sort.ranked;
    while (runs.size() > Spills.FAN_IN) {
      List<FileChannel> group = new ArrayList<>(runs.subList(0, Spills.FAN_IN));
      FileChannel merged =
          spills.writeRun(
              out -> {
                RankedMerge merge = new RankedMerge(group);
                while (merge.next()) {
                  out.accept(merge.word(), 0, merge.length(), merge.count());
                }
              });
      runs.subList(0, Spills.FAN_IN).clear();
      runs.add(merged);
      spills.release(group);
    }
    return runs;
  }

  @Override
  public void accept(byte[] word, int from, int length, long count) throws IOException {
    if (size == counts.length || arena.length - arenaUsed < length) {
      flush();
    }
    if (arena.length < length) {
      // One word longer than the whole buffer: it gets a buffer of its own size.
      arena = new byte[length];
    }
    System.arraycopy(word, from, arena, arenaUsed, length);
    counts[size] = count;
    places[size] = ((long) length << 32) | arenaUsed;
    arenaUsed += length;
    size++;
  }

  /** Sorts the buffered words by rank and writes them as a ranked run. */
  private void flush() throws IOException {
    if (size == 0) {
      return;
    }
    int[] order = new int[size];
    Arrays.setAll(order, i -> i);
    EntrySort.sort(order, this::compareRank);
    ranked.add(
        spills.writeRun(
            out -> {
              for (int entry : order) {
                out.accept(arena, offset(entry), length(entry), counts[entry]);
              }
            }));
    size = 0;
    arenaUsed = 0;
  }

  private int compareRank(int a, int b) {
    int byCount = Long.compare(counts[b], counts[a]);
    if (byCount != 0) {
      return byCount;
    }
    return Arrays.compareUnsigned(
        arena, offset(a), offset(a) + length(a), arena, offset(b), offset(b) + length(b));
  }

  private int offset(int entry) {
    return (int) places[entry];
  }

  private int length(int entry) {
    return (int) (places[entry] >>> 32);
  }
}
