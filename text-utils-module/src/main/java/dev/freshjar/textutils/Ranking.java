package dev.freshjar.textutils;

import java.util.Arrays;

/** Picks the best-ranked entries of a {@link WordCounts}, in rank order. */
final class Ranking {
  private Ranking() {}

  /**
   * The {@code limit} best entries, best first (all of them when there are fewer).
   *
   * @param limit how many entries at most; not negative
   */
  static int[] best(WordCounts counts, long limit) {
    int[] entries = counts.entries();
    if (limit >= entries.length) {
      return sorted(counts, entries);
    }
    return sorted(counts, selectBest(counts, entries, (int) limit));
  }

  /**
   * The {@code limit} best entries in no particular order, found with a heap whose root is the
   * worst of those kept, so that top-N costs O(distinct words * log N) and no full sort.
   */
  private static int[] selectBest(WordCounts counts, int[] entries, int limit) {
    int[] heap = new int[limit];
    if (limit == 0) {
      return heap;
    }
    for (int i = 0; i < entries.length; i++) {
      if (i < limit) {
        heap[i] = entries[i];
        siftUp(counts, heap, i);
      } else if (counts.compareRank(entries[i], heap[0]) < 0) {
        heap[0] = entries[i];
        siftDown(counts, heap);
      }
    }
    return heap;
  }

  private static void siftUp(WordCounts counts, int[] heap, int at) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (counts.compareRank(heap[at], heap[parent]) <= 0) {
        return;
      }
      swap(heap, at, parent);
      at = parent;
    }
  }

  private static void siftDown(WordCounts counts, int[] heap) {
    int at = 0;
    while (true) {
      int worst = at;
      for (int child = 2 * at + 1; child <= 2 * at + 2 && child < heap.length; child++) {
        if (counts.compareRank(heap[child], heap[worst]) > 0) {
          worst = child;
        }
      }
      if (worst == at) {
        return;
      }
      swap(heap, at, worst);
      at = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int kept = heap[a];
    heap[a] = heap[b];
    heap[b] = kept;
  }

  private static int[] sorted(WordCounts counts, int[] entries) {
    Integer[] boxed = Arrays.stream(entries).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, counts::compareRank);
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }
}
