package dev.freshjar.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file in {@code tmp/} that a live process owns: {@code ID.part} holds the bytes, and the owner
 * holds an OS lock on {@code ID.lock} until the part is promoted or deleted. The OS drops the lock
 * when the owner dies, however it dies (SIGKILL included), so {@link #sweepAbandoned} can delete a
 * dead process's files at once and never touches a live download of another process.
 *
 * <p>The lock is on a file of its own, not on the part: POSIX drops all of a process's locks on a
 * file when the process closes any descriptor of it, and the part is reopened (to verify it, to
 * load its classes) while its owner still needs the lock.
 */
final class TmpFile implements AutoCloseable {
  static final String PART = ".part";
  static final String LOCK = ".lock";
  private static final int ATTEMPTS = 5;

  // This process's lock files: its own sweeps must not open them, since closing that second
  // descriptor would drop the owner's lock (see above).
  private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

  private final Path part;
  private final Path lockFile;
  private final FileChannel lockChannel;

  private TmpFile(Path part, Path lockFile, FileChannel lockChannel) {
    this.part = part;
    this.lockFile = lockFile;
    this.lockChannel = lockChannel;
  }

  /** Creates a new, empty, locked part file in {@code dir}. */
  static TmpFile create(Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      String id = "download-" + UUID.randomUUID();
      Path lockFile = dir.resolve(id + LOCK);
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      boolean owned = false;
      try {
        OWNED.add(lockFile);
        channel.lock();
        // Another process's sweep may have taken the lock between creation and lock() and
        // deleted the file as abandoned: then this lock guards nothing, so start again.
        if (Files.exists(lockFile)) {
          Path part = dir.resolve(id + PART);
          Files.createFile(part);
          owned = true;
          return new TmpFile(part, lockFile, channel);
        }
        if (attempt == ATTEMPTS) {
          throw new IOException("cannot keep a download file in " + dir + ": it keeps vanishing");
        }
      } finally {
        if (!owned) {
          OWNED.remove(lockFile);
          channel.close();
        }
      }
    }
  }

  /** The part file, to write, verify and promote. */
  Path path() {
    return part;
  }

  /**
   * Deletes the part if it is still here (not promoted), then the lock file, then lets go of the
   * lock. If a delete fails (the cache turned read-only under us) the files are left for a later
   * sweep: nothing reads {@code tmp/}, so a leftover costs only space.
   */
  @Override
  public void close() {
    deleteQuietly(part);
    deleteQuietly(lockFile);
    try {
      lockChannel.close();
    } catch (IOException e) {
      // Closing a lock file we only locked cannot lose data; the OS drops the lock regardless.
    } finally {
      OWNED.remove(lockFile);
    }
  }

  /**
   * Deletes the files of every download in {@code dir} whose owner is gone: its lock file can be
   * locked. A download still in progress in another process keeps its lock and is left alone.
   * Housekeeping: what cannot be swept (a read-only cache) is skipped.
   */
  static void sweepAbandoned(Path lockFile) {
    if (OWNED.contains(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return; // a live download
      }
      String name = lockFile.getFileName().toString();
      Path part = lockFile.resolveSibling(name.substring(0, name.length() - LOCK.length()) + PART);
      // The part first: a part without a lock file is only swept when stale.
      Files.deleteIfExists(part);
      Files.deleteIfExists(lockFile);
    } catch (NoSuchFileException | OverlappingFileLockException e) {
      // Swept by someone else meanwhile, or locked by this very process: nothing to do.
    } catch (IOException e) {
      // Read-only or otherwise unsweepable: housekeeping only, see above.
    }
  }

  /** The lock file of a part file. */
  static Path lockOf(Path part) {
    String name = part.getFileName().toString();
    return part.resolveSibling(name.substring(0, name.length() - PART.length()) + LOCK);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for a sweep: see close().
    }
  }
}
