package dev.freshjar.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The content-addressed jars under {@code objects/}. A file there is named by its own hash and
 * never rewritten, so any number of processes may add the same one at once, and a class loader may
 * keep one open while newer versions arrive.
 */
final class ObjectStore {
  private final CacheLayout layout;

  ObjectStore(CacheLayout layout) {
    this.layout = layout;
  }

  /**
   * Moves a verified download into place under its hash. When the object is already there (an
   * earlier version, or another process just promoted the same bytes) and still hashes to its name,
   * the download is deleted; when it is damaged, the download replaces it, atomically.
   *
   * @param download a file in {@code tmp/}, on the same file system, already forced to disk
   * @return whether a damaged object was replaced
   */
  boolean promote(Path download, String sha256) throws IOException {
    Path target = layout.object(sha256);
    boolean repair = false;
    if (Files.isRegularFile(target)) {
      if (intact(target, sha256)) {
        Files.delete(download);
        return false;
      }
      repair = true;
    }
    Files.createDirectories(target.getParent());
    try {
      // Another process may win the race between the check and the move. Either way the
      // target then holds the very same bytes, so replacing it changes nothing a reader sees.
      Files.move(download, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.delete(download);
    } catch (AtomicMoveNotSupportedException e) {
      // objects/ is on another file system than tmp/ (a symbolic link to another disk): copy the
      // download beside its target, then rename it there, which is still atomic.
      copyBeside(download, target);
      Files.delete(download);
    }
    AtomicFiles.syncDirectory(target.getParent());
    ObjectIntegrity.forget(target);
    return repair;
  }

  private static boolean intact(Path object, String sha256) {
    try {
      return HashingCopy.sha256Of(object).equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  private static void copyBeside(Path download, Path target) throws IOException {
    Path beside =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.copy(download, beside);
      try (FileChannel ch = FileChannel.open(beside, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(beside);
    }
  }
}
