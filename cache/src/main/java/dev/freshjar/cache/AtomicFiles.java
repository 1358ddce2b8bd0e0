package dev.freshjar.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Replacing files so that a reader sees the old content or the new, never part of either. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary file beside {@code target}, forces it to disk, and
   * renames it over {@code target}.
   */
  static void replace(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        // Without this a crash after the rename could leave an empty record behind.
        ch.force(true);
      } catch (FileSystemException e) {
        throw e;
      } catch (IOException e) {
        // A failed write (a full disk) names no file: name the one that was to be replaced.
        throw new FileSystemException(target.toString(), null, e.getMessage());
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      syncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Makes a rename in {@code dir} durable. Only some platforms (Linux, macOS) can open a directory
   * to sync it; elsewhere the rename is still atomic, just less certain to survive a power cut, so
   * failing to sync is not an error.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Deliberately ignored: see above.
    }
  }
}
