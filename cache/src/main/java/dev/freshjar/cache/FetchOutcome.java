package dev.freshjar.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

/** What asking a source gave: the current version is still the newest, or a downloaded file. */
sealed interface FetchOutcome {

  /**
   * The source has nothing newer than the cache's current version (304, or the same bytes).
   *
   * @param validators what identifies the current version at the source now
   */
  record Unchanged(Validators validators) implements FetchOutcome {}

  /**
   * A complete download, still unverified, in the cache's {@code tmp/}; the caller must promote it
   * or not, then close {@code file}.
   *
   * @param file the downloaded bytes
   * @param sha256 their hash
   * @param from the URL that sent them (after redirects), to name in reasons
   * @param contentType the Content-Type the server gave, if any
   * @param validators the ETag and Last-Modified the server gave
   */
  record Downloaded(
      TmpFile file, String sha256, URI from, Optional<String> contentType, Validators validators)
      implements FetchOutcome {

    /**
     * The bytes, read into memory, and the file closed: for a small download (metadata, a checksum,
     * a signature) bounded by the directory it was downloaded into.
     */
    byte[] readAndClose() throws RefreshFailure {
      try (TmpFile closing = file) {
        return Files.readAllBytes(closing.path());
      } catch (IOException e) {
        throw new RefreshFailure("cannot read the downloaded " + from + ": " + e.getMessage(), e);
      }
    }
  }
}
