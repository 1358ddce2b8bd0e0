package dev.freshjar.textutils;

import dev.freshjar.api.Input;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts the words of a seekable UTF-8 input on several threads: the input is cut into {@link
 * Chunks}, each thread takes the next chunk not yet taken and counts it into a table of its own,
 * and the tables are added up at the end. The threads belong to this one call: all of them have
 * ended when {@link #count} returns or throws.
 */
final class ParallelCount {
  private final Input input;
  private final long[] cuts;
  private final Supplier<WordCounts> newTable;
  private final AtomicInteger nextChunk = new AtomicInteger();

  private ParallelCount(Input input, long[] cuts, Supplier<WordCounts> newTable) {
    this.input = input;
    this.cuts = cuts;
    this.newTable = newTable;
  }

  /**
   * Counts the words of {@code input} in {@code chunks} chunks on {@code workers} threads, each
   * into a table of its own made by {@code newTable}.
   *
   * @return the threads' tables, which together hold the counts (less what they spilled)
   * @throws InterruptedIOException when the calling thread is interrupted; the threads are stopped
   */
  static List<WordCounts> count(
      Input input, long size, int chunks, int workers, Supplier<WordCounts> newTable)
      throws IOException {
    ParallelCount count = new ParallelCount(input, Chunks.cuts(input, size, chunks), newTable);
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemons());
    try {
      ExecutorCompletionService<WordCounts> done = new ExecutorCompletionService<>(pool);
      List<Future<WordCounts>> started = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        started.add(done.submit(count::countChunks));
      }
      List<WordCounts> tables = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        tables.add(done.take().get());
      }
      return tables;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while counting " + input.name());
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      // A failure or an interrupt leaves the other threads running: stop them, and wait for them
      // so that no thread of this call outlives it.
      pool.shutdownNow();
      awaitTermination(pool);
    }
  }

  /** What one thread does: counts chunks until there are none left. */
  private WordCounts countChunks() throws IOException {
    WordCounts counts = newTable.get();
    for (int k = nextChunk.getAndIncrement();
        k < cuts.length - 1;
        k = nextChunk.getAndIncrement()) {
      long length = cuts[k + 1] - cuts[k];
      if (length > 0) {
        try (InputStream chunk = new Slice(input.openStream(cuts[k]), length)) {
          WordScanner.countWords(chunk, counts);
        }
      }
    }
    return counts;
  }

  /** Adds the tables up into the largest of them, and returns that. */
  static WordCounts sum(List<WordCounts> tables) throws IOException {
    WordCounts largest = tables.get(0);
    for (WordCounts table : tables) {
      if (table.size() > largest.size()) {
        largest = table;
      }
    }
    for (WordCounts table : tables) {
      if (table != largest) {
        largest.addAllOf(table);
      }
    }
    return largest;
  }

  private static ThreadFactory daemons() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "text-utils-count-" + number.incrementAndGet());
      // Never keeps the process alive, should a read ignore both interrupt and close.
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  /**
   * The first {@code length} bytes of a stream. Each read first checks for an interrupt, which a
   * stream that is not a file channel's would not notice.
   */
  private static final class Slice extends FilterInputStream {
    private long left;

    Slice(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("the count was stopped");
      }
      if (left <= 0) {
        return -1;
      }
      int read = super.read(bytes, offset, (int) Math.min(length, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }
  }
}
