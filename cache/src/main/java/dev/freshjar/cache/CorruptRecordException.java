package dev.freshjar.cache;

import java.nio.file.Path;

/**
 * A module record that cannot be read as one: not UTF-8 text, or not a valid record. {@code
 * freshjar update} replaces it from a fresh download ({@link ModuleCache#update}).
 */
public final class CorruptRecordException extends CacheException {
  private static final long serialVersionUID = 1L;

  CorruptRecordException(Path file, String why, Throwable cause) {
    super(
        "corrupt record "
            + file
            + " ("
            + why
            + "); 'freshjar update' replaces it from a fresh download, or delete it and the"
            + " module will be fetched afresh",
        cause);
  }
}
