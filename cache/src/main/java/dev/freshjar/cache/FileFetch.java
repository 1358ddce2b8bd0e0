package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fetching a module from a {@code file:} URL. A file's size and modification time serve as its
 * ETag, the way web servers make one: while they match, the file is not even read, which keeps a
 * warm start cheap. Otherwise it is hashed where it lies, so that the same bytes (a rebuilt,
 * touched jar) are known unchanged without a copy, and a read-only cache still reports them fresh.
 */
final class FileFetch {
  private final TmpDir tmp;

  FileFetch(TmpDir tmp) {
    this.tmp = tmp;
  }

  /**
   * Copies the file into {@code tmp/}, unless it is the current version.
   *
   * @param currentSha the hash of the cache's current version, if any
   * @param validators what identified the current version last time, or none to hash regardless
   */
  FetchOutcome fetch(ModuleSource source, Optional<String> currentSha, Validators validators)
      throws RefreshFailure {
    return fetch(source.url(), currentSha, validators);
  }

  /** As {@link #fetch(ModuleSource, Optional, Validators)}, of the file at {@code url}. */
  FetchOutcome fetch(URI url, Optional<String> currentSha, Validators validators)
      throws RefreshFailure {
    Path file = path(url);
    Validators stat;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new RefreshFailure(
            "not a regular file: "
                + url
                + " is "
                + (attributes.isDirectory() ? "a directory" : "a device, pipe or socket")
                + "; give the path of the module's jar",
            Cause.UNREACHABLE);
      }
      if (attributes.size() > tmp.limit()) {
        throw tmp.tooLarge(url);
      }
      stat = validators(attributes);
      if (currentSha.isPresent()
          && (stat.equals(validators) || currentSha.get().equals(hash(file, url)))) {
        return new FetchOutcome.Unchanged(stat);
      }
    } catch (NoSuchFileException e) {
      throw noSuchFile(url);
    } catch (IOException e) {
      throw unreadable(url, e);
    }
    TmpDir.Received received;
    try (InputStream in = Files.newInputStream(file)) {
      received = tmp.receive(in, url, (e, got) -> unreadable(url, e));
    } catch (IOException e) {
      throw unreadable(url, e);
    }
    if (received.bytes() == 0) {
      received.file().close();
      throw new RefreshFailure("empty file: " + url);
    }
    // The copy's hash, not the first one: the file may have changed in between.
    return new FetchOutcome.Downloaded(
        received.file(), received.sha256(), url, Optional.empty(), stat);
  }

  /**
   * Reads a small file whole, such as a signature, under {@code limits}'s size limit.
   *
   * @param limits the directory whose limit applies (nothing is written there)
   */
  byte[] readWhole(URI url, TmpDir limits) throws RefreshFailure {
    Path file = path(url);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.limit() + 1));
    } catch (NoSuchFileException e) {
      throw noSuchFile(url);
    } catch (IOException e) {
      throw unreadable(url, e);
    }
    if (bytes.length > limits.limit()) {
      throw limits.tooLarge(url);
    }
    if (bytes.length == 0) {
      throw new RefreshFailure("empty file: " + url);
    }
    return bytes;
  }

  /**
   * Reads a small file whole unless its size and modification time are {@code validators}: then
   * empty, as a 304 would say.
   */
  Optional<byte[]> readIfChanged(URI url, Validators validators, TmpDir limits)
      throws RefreshFailure {
    if (!validators.isEmpty() && stat(url).equals(validators)) {
      return Optional.empty();
    }
    return Optional.of(readWhole(url, limits));
  }

  /** What identifies the file at {@code url} now, as {@link #fetch} compares it. */
  Validators stat(URI url) throws RefreshFailure {
    try {
      return validators(Files.readAttributes(path(url), BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      throw noSuchFile(url);
    } catch (IOException e) {
      throw unreadable(url, e);
    }
  }

  private static RefreshFailure noSuchFile(URI url) {
    return new RefreshFailure(
        "no such file: " + url, Cause.UNREACHABLE, RefreshFailure.NO_SUCH_FILE);
  }

  private static Validators validators(BasicFileAttributes attributes) {
    long mtime = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(mtime) + "\"";
    return new Validators(Optional.of(etag), Optional.empty());
  }

  private String hash(Path file, URI url) throws IOException, RefreshFailure {
    HashingCopy copy = new HashingCopy();
    try (InputStream in = Files.newInputStream(file)) {
      copy.copy(in, OutputStream.nullOutputStream(), tmp.limit());
    } catch (HashingCopy.ReadFailed e) {
      throw e.cause();
    } catch (HashingCopy.TooLarge e) {
      throw tmp.tooLarge(url);
    }
    return copy.sha256();
  }

  private static Path path(URI url) throws RefreshFailure {
    try {
      return Path.of(url);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new RefreshFailure(
          "cannot read " + url + ": not a local file URL (" + e.getMessage() + ")", e);
    }
  }

  private static RefreshFailure unreadable(URI url, IOException e) {
    return new RefreshFailure("cannot read " + url + ": " + e.getMessage(), e);
  }
}
