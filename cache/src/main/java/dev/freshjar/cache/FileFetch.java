package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fetching a module from a {@code file:} URL. A file has no validators, so it is hashed where it
 * lies first: when it is the current version nothing is copied, and a read-only cache still reports
 * it fresh.
 */
final class FileFetch {
  private final TmpDir tmp;

  FileFetch(TmpDir tmp) {
    this.tmp = tmp;
  }

  /**
   * Copies the file into {@code tmp/}, unless its bytes are those of {@code currentSha}.
   *
   * @param currentSha the hash of the cache's current version, if any
   */
  FetchOutcome fetch(ModuleSource source, Optional<String> currentSha) throws RefreshFailure {
    URI url = source.url();
    Path file = path(url);
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      if (Files.size(file) > tmp.limit()) {
        throw tmp.tooLarge(url);
      }
      if (currentSha.isPresent() && currentSha.get().equals(hash(file, url))) {
        return new FetchOutcome.Unchanged();
      }
    } catch (NoSuchFileException e) {
      throw new RefreshFailure("no such file: " + url, e);
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
      TmpDir.delete(received.file());
      throw new RefreshFailure("empty file: " + url);
    }
    // The copy's hash, not the first one: the file may have changed in between.
    return new FetchOutcome.Downloaded(
        received.file(), received.sha256(), url, Optional.empty(), Validators.NONE);
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
