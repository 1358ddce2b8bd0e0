package dev.freshjar.textutils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How often each distinct word occurs. Words are kept as UTF-8 bytes in one growing arena and found
 * through an open-addressing hash table, so counting a word that is already known allocates
 * nothing. Memory grows with the distinct words only.
 *
 * <p>Each table slot holds what a lookup needs in 32 bytes (half a cache line): the word's first
 * sixteen bytes, its length, its arena offset and its count. Nearly all words are at most sixteen
 * bytes long, so a lookup compares two {@code long}s, never touches the arena, and takes no branch
 * that depends on the word's length.
 *
 * <p>A table made with a {@link Spill} stays within its memory budget: when it would grow past it,
 * it hands itself to the spill (which writes its words out, sorted) and starts again empty.
 */
final class WordCounts {
  /** Takes the words of a table that is full, before the table is emptied. */
  interface Spill {
    void spill(WordCounts full) throws IOException;
  }

  private static final int STRIDE = 4;
  private static final int FIRST = 0;
  private static final int SECOND = 1;
  private static final int LENGTH_AND_OFFSET = 2;
  private static final int COUNT = 3;

  // Arrays cannot be longer than this on common JVMs.
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final int INITIAL_SLOTS_LOG2 = 12;
  private static final int INITIAL_ARENA = 1 << 16;

  private byte[] arena;
  private int arenaUsed;

  // STRIDE longs per slot; a slot whose COUNT is 0 is free.
  private long[] slots;
  // A slot is picked by the hash's top bits, the best mixed: slot = (hash >>> shift) * STRIDE.
  private int shift;
  private int size;

  // Null for a table that grows as long as memory lasts.
  private final Spill spill;
  private final long budget;

  /** A table that grows with its words. */
  WordCounts() {
    this(null, Long.MAX_VALUE);
  }

  /**
   * A table of at most about {@code budget} bytes (slots and word bytes) that hands its words to
   * {@code spill} whenever it would grow past that.
   */
  WordCounts(Spill spill, long budget) {
    this.spill = spill;
    this.budget = budget;
    int log2 = INITIAL_SLOTS_LOG2;
    // A small budget (tests) starts small, so that it spills after a few words.
    while (log2 > 3 && slotBytes(1 << log2) > budget / 2) {
      log2--;
    }
    slots = new long[STRIDE << log2];
    shift = 32 - log2;
    arena = new byte[(int) Math.min(INITIAL_ARENA, Math.max(16, budget / 4))];
  }

  private static long slotBytes(int slotCount) {
    return (long) slotCount * STRIDE * Long.BYTES;
  }

  /**
   * The distinct words, as entry numbers for {@link #count}, {@link #word}, {@link #compareRank}.
   */
  int[] entries() {
    int[] entries = new int[size];
    int n = 0;
    for (int slot = 0; slot < slots.length; slot += STRIDE) {
      if (slots[slot + COUNT] != 0) {
        entries[n++] = slot;
      }
    }
    return entries;
  }

  /** The distinct words in ascending order of their bytes, as entry numbers. */
  int[] entriesByWord() {
    int[] entries = entries();
    EntrySort.sort(entries, this::compareWords);
    return entries;
  }

  /**
   * Orders entries by their words' unsigned bytes (code-point order): by the first sixteen bytes
   * kept in the slot, zero-padded, which agrees with that order, and by the arena where they tie.
   */
  int compareWords(int a, int b) {
    int byFirst =
        Long.compareUnsigned(
            Long.reverseBytes(slots[a + FIRST]), Long.reverseBytes(slots[b + FIRST]));
    if (byFirst != 0) {
      return byFirst;
    }
    int bySecond =
        Long.compareUnsigned(
            Long.reverseBytes(slots[a + SECOND]), Long.reverseBytes(slots[b + SECOND]));
    if (bySecond != 0) {
      return bySecond;
    }
    return Arrays.compareUnsigned(
        arena, offset(a), offset(a) + length(a), arena, offset(b), offset(b) + length(b));
  }

  /** The array that holds an entry's word bytes, at {@link #wordOffset} for {@link #wordLength}. */
  byte[] arena() {
    return arena;
  }

  int wordOffset(int entry) {
    return offset(entry);
  }

  int wordLength(int entry) {
    return length(entry);
  }

  /** How often an entry's word occurred. */
  long count(int entry) {
    return slots[entry + COUNT];
  }

  /** An entry's word. */
  String word(int entry) {
    return new String(arena, offset(entry), length(entry), StandardCharsets.UTF_8);
  }

  private int offset(int entry) {
    return (int) slots[entry + LENGTH_AND_OFFSET];
  }

  private int length(int entry) {
    return (int) (slots[entry + LENGTH_AND_OFFSET] >>> 32);
  }

  /**
   * Orders entries as the rankings do: higher count first, then the word in ascending code-point
   * order, which for UTF-8 is the order of the unsigned bytes.
   */
  int compareRank(int a, int b) {
    int byCount = Long.compare(count(b), count(a));
    if (byCount != 0) {
      return byCount;
    }
    return Arrays.compareUnsigned(
        arena, offset(a), offset(a) + length(a), arena, offset(b), offset(b) + length(b));
  }

  /**
   * Counts one occurrence of each word {@code bytes[starts[k], ends[k])} for {@code k} below {@code
   * words}, skipping those whose start is negative (the caller counts those another way). Words
   * must be well-formed UTF-8, so that equal words have equal bytes.
   *
   * <p>The lookup is written out in this loop, rather than called once per word, because the JIT
   * will not inline a method this large once it is compiled on its own, and a call per word was a
   * large share of the time; in one loop, the lookups of consecutive words also overlap.
   *
   * @throws IOException when the distinct words no longer fit in the largest array
   */
  void addAll(byte[] bytes, int[] starts, int[] ends, int words) throws IOException {
    for (int k = 0; k < words; k++) {
      int from = starts[k];
      if (from < 0) {
        continue;
      }
      int length = ends[k] - from;
      int firstLength = Math.min(length, 8);
      int secondLength = Math.min(Math.max(length - 8, 0), 8);
      long first;
      long second;
      if (from <= bytes.length - 16) {
        first = AsciiBlock.read(bytes, from) & AsciiBlock.lowBytes(firstLength);
        second = AsciiBlock.read(bytes, from + 8) & AsciiBlock.lowBytes(secondLength);
      } else {
        first = AsciiBlock.readPartial(bytes, from, firstLength);
        second = AsciiBlock.readPartial(bytes, from + 8, secondLength);
      }
      int hash = WordHash.of(bytes, from, length, first, second);
      long[] slots = this.slots;
      int mask = slots.length - 1;
      int slot = (hash >>> shift) * STRIDE;
      while (true) {
        if (slots[slot + COUNT] == 0) {
          insert(slot, first, second, bytes, from, length, 1);
          break;
        }
        // Non-short-circuit &: one branch for the three comparisons.
        if ((slots[slot + FIRST] == first
                & slots[slot + SECOND] == second
                & (slots[slot + LENGTH_AND_OFFSET] >>> 32) == length)
            && (length <= 16 || sameAfterSixteen(offset(slot), bytes, from, length))) {
          slots[slot + COUNT]++;
          break;
        }
        slot = (slot + STRIDE) & mask;
      }
    }
  }

  /** Adds every word of {@code other} with its count; {@code other} is left as it was. */
  void addAllOf(WordCounts other) throws IOException {
    long[] theirs = other.slots;
    for (int slot = 0; slot < theirs.length; slot += STRIDE) {
      long count = theirs[slot + COUNT];
      if (count != 0) {
        add(other.arena, other.offset(slot), other.length(slot), count);
      }
    }
  }

  /** Adds {@code count} occurrences of the word {@code bytes[from, from + length)}. */
  void add(byte[] bytes, int from, int length, long count) throws IOException {
    long first = AsciiBlock.readPartial(bytes, from, Math.min(length, 8));
    long second = AsciiBlock.readPartial(bytes, from + 8, Math.min(Math.max(length - 8, 0), 8));
    int hash = WordHash.of(bytes, from, length, first, second);
    int mask = slots.length - 1;
    int slot = (hash >>> shift) * STRIDE;
    while (slots[slot + COUNT] != 0) {
      if (slots[slot + FIRST] == first
          && slots[slot + SECOND] == second
          && length(slot) == length
          && Arrays.equals(
              arena, offset(slot), offset(slot) + length, bytes, from, from + length)) {
        slots[slot + COUNT] += count;
        return;
      }
      slot = (slot + STRIDE) & mask;
    }
    insert(slot, first, second, bytes, from, length, count);
  }

  /** How many distinct words there are. */
  int size() {
    return size;
  }

  private void insert(
      int slot, long first, long second, byte[] bytes, int from, int length, long count)
      throws IOException {
    // Stored first: storing may spill and clear the table.
    int offset = store(bytes, from, length);
    slots[slot + FIRST] = first;
    slots[slot + SECOND] = second;
    slots[slot + LENGTH_AND_OFFSET] = ((long) length << 32) | offset;
    slots[slot + COUNT] = count;
    // At most half full, so that probe sequences stay short.
    if (++size > slots.length / STRIDE / 2) {
      if (spill != null && 2L * slots.length * Long.BYTES + arena.length > budget) {
        spillAndClear();
      } else {
        grow();
      }
    }
  }

  /** Hands the words to the spill and empties the table, keeping its arrays for the next words. */
  private void spillAndClear() throws IOException {
    spill.spill(this);
    Arrays.fill(slots, 0);
    size = 0;
    arenaUsed = 0;
  }

  /** Bytes held by the table's arrays. */
  long memory() {
    return (long) slots.length * Long.BYTES + arena.length;
  }

  /** Whether a word longer than sixteen bytes equals the one at {@code offset} past those. */
  private boolean sameAfterSixteen(int offset, byte[] bytes, int from, int length) {
    // Eight bytes at a time, and the last eight overlapping; faster than Arrays.equals on the
    // short ranges words are.
    int at = 16;
    for (; length - at > 8; at += 8) {
      if (AsciiBlock.read(arena, offset + at) != AsciiBlock.read(bytes, from + at)) {
        return false;
      }
    }
    return AsciiBlock.read(arena, offset + length - 8) == AsciiBlock.read(bytes, from + length - 8);
  }

  private int store(byte[] bytes, int from, int length) throws IOException {
    if (length > arena.length - arenaUsed
        && spill != null
        && size > 0
        && (long) slots.length * Long.BYTES + 2L * arena.length > budget) {
      // The slot picked for this word stays free and valid: the cleared table keeps its size.
      spillAndClear();
    }
    if (length > arena.length - arenaUsed) {
      long needed = (long) arenaUsed + length;
      if (needed > MAX_ARRAY) {
        throw new IOException(
            "the distinct words of this text take more than " + MAX_ARRAY + " bytes");
      }
      arena = Arrays.copyOf(arena, (int) Math.min(MAX_ARRAY, Math.max(needed, 2L * arena.length)));
    }
    System.arraycopy(bytes, from, arena, arenaUsed, length);
    int offset = arenaUsed;
    arenaUsed += length;
    return offset;
  }

  private void grow() throws IOException {
    if (slots.length > MAX_ARRAY / 2) {
      throw new IOException("this text has too many distinct words to count: " + size);
    }
    long[] old = slots;
    slots = new long[old.length * 2];
    shift--;
    int mask = slots.length - 1;
    for (int from = 0; from < old.length; from += STRIDE) {
      if (old[from + COUNT] != 0) {
        // Words of up to sixteen bytes rehash from the slot alone; longer ones read the arena.
        long lengthAndOffset = old[from + LENGTH_AND_OFFSET];
        int hash =
            WordHash.of(
                arena,
                (int) lengthAndOffset,
                (int) (lengthAndOffset >>> 32),
                old[from + FIRST],
                old[from + SECOND]);
        int to = (hash >>> shift) * STRIDE;
        while (slots[to + COUNT] != 0) {
          to = (to + STRIDE) & mask;
        }
        System.arraycopy(old, from, slots, to, STRIDE);
      }
    }
  }
}
