package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * The cache's {@code tmp/}: downloads in progress, each under a fresh random name, so that
 * concurrent downloads never share a file and nothing half-written is ever under {@code objects/}.
 */
final class TmpDir {
  /** Older than any download can take (a fetch is bounded by its timeout), so surely abandoned. */
  static final Duration STALE = Duration.ofHours(1);

  private final Path dir;
  private final long limit;

  TmpDir(Path dir, long limit) {
    this.dir = dir;
    this.limit = limit;
  }

  /** The same directory with another size limit, e.g. for small files beside a jar. */
  TmpDir withLimit(long bytes) {
    return new TmpDir(dir, bytes);
  }

  /** Turns a failure to read the source into a reason, given how many bytes arrived. */
  @FunctionalInterface
  interface ReadFailureReason {
    RefreshFailure describe(IOException e, long bytesSoFar);
  }

  /** A complete copy in {@code tmp/}; closing {@code file} deletes it unless it was promoted. */
  record Received(TmpFile file, String sha256, long bytes) {}

  /**
   * Streams {@code in} into a new file under {@code tmp/}, hashing it, forced to disk. On any
   * failure the file is gone.
   *
   * @param from what {@code in} reads, to name in reasons
   */
  Received receive(InputStream in, URI from, ReadFailureReason onReadFailure)
      throws RefreshFailure {
    TmpFile file;
    try {
      Files.createDirectories(dir);
      file = TmpFile.create(dir);
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    }
    boolean complete = false;
    try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.WRITE)) {
      HashingCopy copy = new HashingCopy();
      OutputStream out = Channels.newOutputStream(ch);
      try {
        copy.copy(in, out, limit);
      } catch (HashingCopy.ReadFailed e) {
        throw onReadFailure.describe(e.cause(), copy.bytes());
      } catch (HashingCopy.TooLarge e) {
        throw tooLarge(from);
      }
      // The file is renamed into objects/ next; it must be on disk before the name is.
      ch.force(true);
      complete = true;
      return new Received(file, copy.sha256(), copy.bytes());
    } catch (FileSystemException e) {
      throw RefreshFailure.notWritable(e);
    } catch (IOException e) {
      // A failed write (a full disk) names no file; the directory is what the user must free.
      throw RefreshFailure.notWritable(
          new FileSystemException(dir.toString(), null, e.getMessage()));
    } finally {
      if (!complete) {
        file.close();
      }
    }
  }

  RefreshFailure tooLarge(URI from) {
    return new RefreshFailure(
        "larger than the " + Durations.bytes(limit) + " limit: " + from + " is refused");
  }

  long limit() {
    return limit;
  }

  /**
   * Removes what crashed processes left in {@code tmp/}: at once, every download whose owner is
   * gone (see {@link TmpFile}); anything else once nobody touched it for {@link #STALE}.
   * Housekeeping only: a cache that cannot be swept (read-only) still works, so failures are
   * skipped.
   */
  static void sweepDownloads(Path tmp) {
    sweep(tmp, "", true);
  }

  /**
   * Removes files in {@code dir} whose name starts with {@code prefix} (the temporary records in
   * {@code modules/}) and that nobody touched for {@link #STALE}.
   */
  static void sweepStale(Path dir, String prefix) {
    sweep(dir, prefix, false);
  }

  private static void sweep(Path dir, String prefix, boolean downloads) {
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
    // No glob: compiling one costs more than the whole sweep of a few names.
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        try {
          if (downloads && name.endsWith(TmpFile.LOCK)) {
            TmpFile.sweepAbandoned(f);
          } else if (downloads && name.endsWith(TmpFile.PART) && Files.exists(TmpFile.lockOf(f))) {
            continue; // its lock file says whether its owner lives
          } else if (name.startsWith(prefix)
              && Files.isRegularFile(f)
              && Files.getLastModifiedTime(f).compareTo(cutoff) < 0) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // Skipped: see above.
        }
      }
    } catch (IOException e) {
      // No such directory yet, or unreadable: nothing to sweep.
    }
  }
}
