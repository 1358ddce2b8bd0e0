package dev.freshjar.textutils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The word lists ("runs") that word tables write to temporary files when they outgrow their memory
 * budget, as {@code sort} does: each run holds one table's words in ascending byte order with their
 * counts, and {@link #merge} adds them up again, word by word, in that order.
 *
 * <p>Each run is a file opened with {@code DELETE_ON_CLOSE}, which on Linux and macOS unlinks it as
 * soon as it is created: it has no name while it is written and read, and its space is given back
 * when the run is closed, when the process exits, and even when it is killed. Closing this closes
 * every run.
 */
final class Spills implements AutoCloseable, WordCounts.Spill {
  // How many runs are read at once; more are first merged into fewer, in passes.
  static final int FAN_IN = 64;
  private static final int BUFFER = 64 * 1024;

  private final Path dir;
  private final List<FileChannel> runs = new ArrayList<>();
  private long bytesWritten;
  private boolean closed;

  Spills(Path dir) {
    this.dir = dir;
  }

  /** Where temporary files go: {@code TMPDIR} when set, else the JVM's {@code java.io.tmpdir}. */
  static Path defaultDirectory() {
    String tmpdir = System.getenv("TMPDIR");
    return Path.of(
        tmpdir != null && !tmpdir.isBlank() ? tmpdir : System.getProperty("java.io.tmpdir"));
  }

  /** Whether any table has spilled. */
  synchronized boolean any() {
    return !runs.isEmpty();
  }

  synchronized int runCount() {
    return runs.size();
  }

  /** Writes a table's words to a new run; called by the table, from any counting thread. */
  @Override
  public void spill(WordCounts full) throws IOException {
    int[] entries = full.entriesByWord();
    FileChannel run = newRun();
    try (RunWriter out = new RunWriter(run)) {
      byte[] arena = full.arena();
      for (int entry : entries) {
        out.write(arena, full.wordOffset(entry), full.wordLength(entry), full.count(entry));
      }
    }
  }

  /**
   * Adds up the counts of every run, calling {@code sink} once per distinct word, in ascending byte
   * order. Merges in passes of at most {@link #FAN_IN} runs.
   */
  void merge(RunMerge.Sink sink) throws IOException {
    List<FileChannel> all;
    synchronized (this) {
      all = new ArrayList<>(runs);
    }
    while (all.size() > FAN_IN) {
      List<FileChannel> group = new ArrayList<>(all.subList(0, FAN_IN));
      FileChannel merged = newRun();
      try (RunWriter out = new RunWriter(merged)) {
        RunMerge.merge(group, BUFFER, out::write);
      }
      all.subList(0, FAN_IN).clear();
      all.add(merged);
      closeRuns(group);
    }
    RunMerge.merge(all, BUFFER, sink);
    // Added up: their disk space is given back before any ranked run is written.
    closeRuns(all);
  }

  /** Writes what a word list holds, in the order it is to be read back. */
  interface RunContent {
    void writeTo(RunMerge.Sink out) throws IOException;
  }

  /**
   * Writes a new run of the words {@code content} gives, in that order (for {@link RankedRuns},
   * which orders them by rank); it is closed with this, or by {@link #release}.
   */
  FileChannel writeRun(RunContent content) throws IOException {
    FileChannel run = newRun();
    try (RunWriter out = new RunWriter(run)) {
      content.writeTo(out::write);
    }
    return run;
  }

  /** Closes runs that are no longer needed, giving back their space. */
  void release(List<FileChannel> done) throws IOException {
    closeRuns(done);
  }

  /** How many bytes a merge's reader of each run buffers. */
  static int readBuffer() {
    return BUFFER;
  }

  private synchronized FileChannel newRun() throws IOException {
    if (closed) {
      throw new IOException("the count was stopped");
    }
    Path file = dir.resolve("freshjar-words-" + UUID.randomUUID() + ".run");
    FileChannel run;
    try {
      run =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw failure("cannot create a temporary file in " + dir, e);
    }
    runs.add(run);
    return run;
  }

  private synchronized void closeRuns(List<FileChannel> done) throws IOException {
    runs.removeAll(List.copyOf(done));
    for (FileChannel run : done) {
      run.close();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    IOException first = null;
    for (FileChannel run : runs) {
      try {
        run.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    runs.clear();
    if (first != null) {
      throw first;
    }
  }

  private synchronized void wrote(long bytes) {
    bytesWritten += bytes;
  }

  private IOException failure(String what, IOException e) {
    long megabytes;
    synchronized (this) {
      megabytes = bytesWritten >> 20;
    }
    return new IOException(
        what
            + " ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + ") after "
            + megabytes
            + " MB of word lists: this text has more distinct words than fit in memory, and they"
            + " are counted on disk; free space there, or set TMPDIR to a directory with more room",
        e);
  }

  /** Writes one run: per word, its length and count as variable-length integers, and its bytes. */
  private final class RunWriter implements AutoCloseable {
    private final OutputStream out;
    private long written;

    RunWriter(FileChannel run) {
      // Not closed with the writer: closing the channel would delete the run.
      this.out = new BufferedOutputStream(Channels.newOutputStream(run), BUFFER);
    }

    void write(byte[] word, int from, int length, long count) throws IOException {
      try {
        writeVarLong(length);
        writeVarLong(count);
        out.write(word, from, length);
      } catch (IOException e) {
        throw failure("cannot write a word list to " + dir, e);
      }
      written += length + 2;
    }

    private void writeVarLong(long value) throws IOException {
      while ((value & ~0x7FL) != 0) {
        out.write((int) (value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }

    @Override
    public void close() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw failure("cannot write a word list to " + dir, e);
      }
      wrote(written);
    }
  }
}
