package dev.freshjar.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps {@code cache gc} from deleting a jar that a refresh has just put under {@code objects/} but
 * not yet recorded. Refreshes hold it shared from promoting a jar until its record is written; gc
 * holds it exclusively while it deletes the jars no record names. Across processes it is an OS lock
 * on one file; threads of one process share that OS lock through a read-write lock, since the JVM
 * allows a process only one lock on a region of a file.
 */
final class ObjectsLock {
  private static final ConcurrentHashMap<Path, ObjectsLock> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 10;

  private final Path file;
  private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock();
  private int sharers; // guarded by this
  private FileChannel shared; // guarded by this

  private ObjectsLock(Path file) {
    this.file = file;
  }

  /** The lock guarding the cache whose lock file is {@code file} (absolute, normalized). */
  static ObjectsLock of(Path file) {
    return IN_PROCESS.computeIfAbsent(file, ObjectsLock::new);
  }

  /** A lock held until closed. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Taken by a refresh that adds a jar; many may hold it at once. */
  Held shared(Duration wait) throws RefreshFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    Lock readLock = threads.readLock();
    lockThreads(readLock, wait, "add a jar to");
    boolean held = false;
    try {
      synchronized (this) {
        if (sharers == 0) {
          shared = osLock(true, deadline, wait, "add a jar to");
        }
        sharers++;
      }
      held = true;
      return () -> {
        synchronized (this) {
          if (--sharers == 0) {
            closeQuietly(shared);
            shared = null;
          }
        }
        readLock.unlock();
      };
    } finally {
      if (!held) {
        readLock.unlock();
      }
    }
  }

  /** Taken by gc to delete jars; nobody else holds it meanwhile. */
  Held exclusive(Duration wait) throws RefreshFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    Lock writeLock = threads.writeLock();
    lockThreads(writeLock, wait, "clean");
    boolean held = false;
    try {
      FileChannel channel = osLock(false, deadline, wait, "clean");
      held = true;
      return () -> {
        closeQuietly(channel);
        writeLock.unlock();
      };
    } finally {
      if (!held) {
        writeLock.unlock();
      }
    }
  }

  private void lockThreads(Lock lock, Duration wait, String purpose) throws RefreshFailure {
    try {
      if (!lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(wait, purpose);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefreshFailure("interrupted while waiting for the lock " + file, e);
    }
  }

  private FileChannel osLock(boolean share, long deadline, Duration wait, String purpose)
      throws RefreshFailure {
    FileChannel channel = null;
    boolean locked = false;
    try {
      // READ as well: a shared lock needs a channel open for reading.
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      // FileChannel.lock() cannot be given a time limit, so poll.
      while (channel.tryLock(0, Long.MAX_VALUE, share) == null) {
        if (System.nanoTime() - deadline >= 0) {
          throw busy(wait, purpose);
        }
        Thread.sleep(POLL_MILLIS);
      }
      locked = true;
      return channel;
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefreshFailure("interrupted while waiting for the lock " + file, e);
    } finally {
      if (!locked) {
        closeQuietly(channel);
      }
    }
  }

  private RefreshFailure busy(Duration wait, String purpose) {
    String other =
        purpose.equals("clean")
            ? "another freshjar process is adding a jar to the cache"
            : "'freshjar cache gc' is cleaning the cache in another process";
    return new RefreshFailure(
        other
            + ": gave up waiting for the lock "
            + file
            + " after "
            + Durations.format(wait)
            + " (needed to "
            + purpose
            + " the cache)");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Only a lock file: the OS drops the lock with the descriptor regardless.
    }
  }
}
