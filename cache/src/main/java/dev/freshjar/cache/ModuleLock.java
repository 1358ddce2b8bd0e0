package dev.freshjar.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive right to change one module's record, across threads and processes. An OS file lock
 * keeps other processes out; the JVM holds it per process, so threads of this process first take an
 * in-process lock for the same file. The OS drops the lock of a process that dies, so a crash never
 * leaves a module locked.
 */
final class ModuleLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 10;
  // The lock files a thread of this process is waiting for because another process holds them.
  private static final Set<Path> WAITING = ConcurrentHashMap.newKeySet();

  private final ReentrantLock threads;
  private final FileChannel channel;

  private ModuleLock(ReentrantLock threads, FileChannel channel) {
    this.threads = threads;
    this.channel = channel;
  }

  /**
   * Takes the lock, waiting at most {@code wait}.
   *
   * @param file the lock file, absolute and normalized (it keys the in-process lock)
   * @throws RefreshFailure when the wait runs out, or the lock file cannot be opened
   */
  static ModuleLock acquire(String module, Path file, Duration wait) throws RefreshFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    ReentrantLock threads = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      if (!threads.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(module, file, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(module, e);
    }
    FileChannel channel = null;
    boolean locked = false;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      // FileChannel.lock() cannot be given a time limit, so poll.
      if (channel.tryLock() == null) {
        WAITING.add(file);
        try {
          while (channel.tryLock() == null) {
            if (System.nanoTime() - deadline >= 0) {
              throw busy(module, file, wait);
            }
            Thread.sleep(POLL_MILLIS);
          }
        } finally {
          WAITING.remove(file);
        }
      }
      locked = true;
      return new ModuleLock(threads, channel);
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(module, e);
    } finally {
      if (!locked) {
        release(channel, threads);
      }
    }
  }

  /**
   * Whether a thread of this process is waiting for {@code file} because another process holds it:
   * what a refresh cut off by its deadline was doing, if so.
   */
  static boolean awaited(Path file) {
    return WAITING.contains(file);
  }

  private static RefreshFailure busy(String module, Path file, Duration wait) {
    return new RefreshFailure(
        "module "
            + module
            + " is being updated by another freshjar process: gave up waiting for the lock "
            + file
            + " after "
            + Durations.format(wait));
  }

  private static RefreshFailure interrupted(String module, InterruptedException e) {
    return new RefreshFailure("interrupted while waiting for the lock on module " + module, e);
  }

  /** Closing the channel releases the OS lock; the thread lock goes even if closing fails. */
  private static void release(FileChannel channel, ReentrantLock threads) throws RefreshFailure {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new RefreshFailure("cannot release a lock file: " + e.getMessage(), e);
    } finally {
      threads.unlock();
    }
  }

  @Override
  public void close() throws RefreshFailure {
    release(channel, threads);
  }
}
