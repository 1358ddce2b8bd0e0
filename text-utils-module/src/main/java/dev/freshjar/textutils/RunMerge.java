package dev.freshjar.textutils;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/** Merges runs of words sorted by their bytes, adding up the counts of equal words. */
final class RunMerge {
  /** Receives each distinct word once, in ascending byte order, with its total count. */
  interface Sink {
    void accept(byte[] word, int from, int length, long count) throws IOException;
  }

  private RunMerge() {}

  static void merge(List<FileChannel> runs, int buffer, Sink sink) throws IOException {
    PriorityQueue<Reader> queue = new PriorityQueue<>(Math.max(1, runs.size()), Reader::compare);
    for (FileChannel run : runs) {
      Reader reader = Reader.of(run, buffer);
      if (reader.next()) {
        queue.add(reader);
      }
    }
    byte[] word = new byte[64];
    while (!queue.isEmpty()) {
      Reader smallest = queue.poll();
      int length = smallest.length;
      if (word.length < length) {
        word = new byte[Math.max(length, 2 * word.length)];
      }
      System.arraycopy(smallest.word, 0, word, 0, length);
      long total = smallest.count;
      advance(queue, smallest);
      while (!queue.isEmpty() && queue.peek().holds(word, length)) {
        Reader same = queue.poll();
        total += same.count;
        advance(queue, same);
      }
      sink.accept(word, 0, length, total);
    }
  }

  private static void advance(PriorityQueue<Reader> queue, Reader reader) throws IOException {
    if (reader.next()) {
      queue.add(reader);
    }
  }

  /** The current word of one run. Its stream is not closed: that would close the run. */
  static final class Reader {
    private final InputStream in;
    private byte[] word = new byte[64];
    private int length;
    private long count;

    Reader(InputStream in) {
      this.in = in;
    }

    /** A reader of {@code run} from its start. */
    static Reader of(FileChannel run, int buffer) throws IOException {
      run.position(0);
      return new Reader(new BufferedInputStream(Channels.newInputStream(run), buffer));
    }

    byte[] word() {
      return word;
    }

    int length() {
      return length;
    }

    long count() {
      return count;
    }

    /** Reads the next word; false at the end of the run. */
    boolean next() throws IOException {
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

    boolean holds(byte[] other, int otherLength) {
      return Arrays.equals(word, 0, length, other, 0, otherLength);
    }

    static int compare(Reader a, Reader b) {
      return Arrays.compareUnsigned(a.word, 0, a.length, b.word, 0, b.length);
    }
  }
}
