package dev.freshjar.textutils;

import java.util.function.IntBinaryOperator;

/**
 * Sorts entry numbers with a comparator, without boxing them: a table that spills may hold millions
 * of entries, and sorting {@code Integer}s would take several times their memory.
 */
final class EntrySort {
  private static final int INSERTION = 16;

  private EntrySort() {}

  /** Sorts {@code entries} in place, stably, in the order {@code compare} gives. */
  static void sort(int[] entries, IntBinaryOperator compare) {
    int[] scratch = entries.clone();
    mergeSort(scratch, entries, 0, entries.length, compare);
  }

  /** Sorts {@code from[lo, hi)} into {@code to[lo, hi)}; both start with the same values. */
  private static void mergeSort(int[] from, int[] to, int lo, int hi, IntBinaryOperator compare) {
    if (hi - lo <= INSERTION) {
      for (int i = lo + 1; i < hi; i++) {
        int value = to[i];
        int j = i - 1;
        for (; j >= lo && compare.applyAsInt(to[j], value) > 0; j--) {
          to[j + 1] = to[j];
        }
        to[j + 1] = value;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(to, from, lo, mid, compare);
    mergeSort(to, from, mid, hi, compare);
    for (int i = lo, a = lo, b = mid; i < hi; i++) {
      if (b >= hi || (a < mid && compare.applyAsInt(from[a], from[b]) <= 0)) {
        to[i] = from[a++];
      } else {
        to[i] = from[b++];
      }
    }
  }
}
