package dev.freshjar.textutils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Picks the best-ranked words from the merged runs of {@link Spills}, which arrive one distinct
 * word at a time: a heap whose root is the worst word kept holds at most {@code limit} of them.
 */
final class MergedRanking implements RunMerge.Sink {
  /** A word, as UTF-8 bytes, and its count. */
  record Ranked(byte[] word, long count) {}

  /** Higher count first, then the word in ascending code-point (unsigned byte) order. */
  static final Comparator<Ranked> RANK =
      Comparator.comparingLong(Ranked::count)
          .reversed()
          .thenComparing(Ranked::word, Arrays::compareUnsigned);

  private final long limit;
  private final PriorityQueue<Ranked> kept = new PriorityQueue<>(RANK.reversed());

  MergedRanking(long limit) {
    this.limit = limit;
  }

  @Override
  public void accept(byte[] word, int from, int length, long count) {
    if (limit == 0) {
      return;
    }
    if (kept.size() < limit) {
      kept.add(new Ranked(Arrays.copyOfRange(word, from, from + length), count));
      return;
    }
    Ranked worst = kept.peek();
    if (count > worst.count()
        || (count == worst.count()
            && Arrays.compareUnsigned(
                    word, from, from + length, worst.word(), 0, worst.word().length)
                < 0)) {
      kept.poll();
      kept.add(new Ranked(Arrays.copyOfRange(word, from, from + length), count));
    }
  }

  /** The words kept, best first. */
  List<Ranked> best() {
    List<Ranked> best = new ArrayList<>(kept);
    best.sort(RANK);
    return best;
  }
}
