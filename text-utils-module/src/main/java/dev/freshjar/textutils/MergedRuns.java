package dev.freshjar.textutils;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Runs each sorted in one order, read as one sequence in that order, one record at a time: the
 * k-way merge under both the word-order merge ({@link RunMerge}, which adds up equal words) and the
 * rank-order one ({@link RankedMerge}).
 */
final class MergedRuns {
  private final PriorityQueue<Reader> queue;
  private byte[] word = new byte[64];
  private int length;
  private long count;

  /** Reads {@code runs} from their starts, each through a buffer of {@code buffer} bytes. */
  MergedRuns(List<FileChannel> runs, int buffer, Comparator<Reader> order) throws IOException {
    queue = new PriorityQueue<>(Math.max(1, runs.size()), order);
    for (FileChannel run : runs) {
      Reader reader = Reader.of(run, buffer);
      if (reader.next()) {
        queue.add(reader);
      }
    }
  }

  /** Moves to the next record of all the runs; false after the last. */
  boolean next() throws IOException {
    Reader first = queue.poll();
    if (first == null) {
      return false;
    }
    length = first.length;
    if (word.length < length) {
      word = new byte[Math.max(length, 2 * word.length)];
    }
    System.arraycopy(first.word, 0, word, 0, length);
    count = first.count;
    if (first.next()) {
      queue.add(first);
    }
    return true;
  }

  /** Whether the record {@link #next} moves to holds the current word again. */
  boolean nextHoldsSameWord() {
    Reader following = queue.peek();
    return following != null && following.holds(word, length);
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

  /** The current record of one run. Its stream is not closed: that would close the run. */
  static final class Reader {
    private final InputStream in;
    private byte[] word = new byte[64];
    private int length;
    private long count;

    private Reader(InputStream in) {
      this.in = in;
    }

    /** A reader of {@code run} from its start. */
    private static Reader of(FileChannel run, int buffer) throws IOException {
      run.position(0);
      return new Reader(new BufferedInputStream(Channels.newInputStream(run), buffer));
    }

    /** Ascending byte order of the words. */
    static int byWord(Reader a, Reader b) {
      return Arrays.compareUnsigned(a.word, 0, a.length, b.word, 0, b.length);
    }

    /** Count descending, then the word in ascending code-point (unsigned byte) order. */
    static int byRank(Reader a, Reader b) {
      int byCount = Long.compare(b.count, a.count);
      if (byCount != 0) {
        return byCount;
      }
      return byWord(a, b);
    }

    /** Reads the next record; false at the end of the run. */
    private boolean next() throws IOException {
      int first = in.read();
      if (first < 0) {
        return false;
      }
      long wordLength = readVarLong(first);
      count = readVarLong(in.read());
      if (wordLength > Integer.MAX_VALUE - 8) {
        throw new IOException("a word list is damaged: a word of " + wordLength + " bytes");
      }
      length = (int) wordLength;
      if (word.length < length) {
        word = new byte[Math.max(length, 2 * word.length)];
      }
      if (in.readNBytes(word, 0, length) != length) {
        throw new EOFException("a word list ends inside a word");
      }
      return true;
    }

    private long readVarLong(int first) throws IOException {
      long value = 0;
      int shift = 0;
      int b = first;
      while (true) {
        if (b < 0) {
          throw new EOFException("a word list ends inside a record");
        }
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
        shift += 7;
        b = in.read();
      }
    }

    private boolean holds(byte[] other, int otherLength) {
      return Arrays.equals(word, 0, length, other, 0, otherLength);
    }
  }
}
