package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
   * earlier version, or another process just promoted the same bytes) the download is deleted.
   *
   * @param download a file in {@code tmp/}, on the same file system, already forced to disk
   * @return the object
   */
  Path promote(Path download, String sha256) throws IOException {
    Path target = layout.object(sha256);
    if (Files.isRegularFile(target)) {
      Files.delete(download);
      return target;
    }
    Files.createDirectories(target.getParent());
    try {
      // Another process may win the race between the check and the move. Either way the
      // target then holds the very same bytes, so replacing it changes nothing a reader sees.
      Files.move(download, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.delete(download);
    }
    AtomicFiles.syncDirectory(target.getParent());
    return target;
  }
}
