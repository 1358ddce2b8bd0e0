package dev.freshjar.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.util.Optional;

/**
 * Why a refresh could not use its source. The message is the reason a person sees in a {@link
 * Refresh.Fallback} or {@link Refresh.Unavailable}; it names the URL or file involved.
 */
final class RefreshFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** The status of a "no such file" from a {@code file:} source. */
  static final int NO_SUCH_FILE = 404;

  private final Cause kind;
  // The HTTP status the source answered with, or 0: a Maven repository's missing checksum file
  // (404) is a warning, not a failure, and a 401 deserves a hint about credentials.
  private final int status;
  // Which URL answered {@code status}, after any redirects: whether it got the credentials.
  private final Optional<URI> answeredBy;

  RefreshFailure(String reason) {
    this(reason, null, Cause.OTHER);
  }

  /** The source answered {@code status}: an HTTP status, or {@link #NO_SUCH_FILE}. */
  RefreshFailure(String reason, Cause kind, int status) {
    this(reason, kind, status, Optional.empty());
  }

  /** {@code answeredBy} answered the HTTP {@code status}. */
  RefreshFailure(String reason, Cause kind, int status, Optional<URI> answeredBy) {
    super(reason);
    this.kind = kind;
    this.status = status;
    this.answeredBy = answeredBy;
  }

  RefreshFailure(String reason, Throwable cause) {
    this(reason, cause, Cause.OTHER);
  }

  RefreshFailure(String reason, Cause kind) {
    this(reason, null, kind);
  }

  RefreshFailure(String reason, Throwable cause, Cause kind) {
    this(
        reason,
        cause,
        kind,
        cause instanceof RefreshFailure f ? f.status : 0,
        cause instanceof RefreshFailure f ? f.answeredBy : Optional.empty());
  }

  private RefreshFailure(
      String reason, Throwable cause, Cause kind, int status, Optional<URI> answeredBy) {
    super(reason, cause);
    this.kind = kind;
    this.status = status;
    this.answeredBy = answeredBy;
  }

  /** Whether the source said that what was asked for does not exist. */
  boolean missing() {
    return status == 404 || status == 410;
  }

  /** The HTTP status the source answered with, or 0. */
  int status() {
    return status;
  }

  /** The URL that answered {@link #status()}, when an HTTP server did. */
  Optional<URI> answeredBy() {
    return answeredBy;
  }

  String reason() {
    return getMessage();
  }

  Cause kind() {
    return kind;
  }

  /**
   * This failure, of {@code kind} unless a more precise kind was given where it was thrown: this
   * one, or a copy (same reason, status, cause and stack trace) of that kind.
   */
  RefreshFailure orKind(Cause kind) {
    if (this.kind != Cause.OTHER) {
      return this;
    }
    RefreshFailure kinded = new RefreshFailure(getMessage(), getCause(), kind, status, answeredBy);
    kinded.setStackTrace(getStackTrace());
    for (Throwable suppressed : getSuppressed()) {
      kinded.addSuppressed(suppressed);
    }
    return kinded;
  }

  /** The cache directory refused a write: read-only, permissions, disk full. */
  static RefreshFailure notWritable(IOException e) {
    return new RefreshFailure("cache not writable: " + describe(e), e, Cause.NOT_WRITABLE);
  }

  /** What a file system refused, naming the file: for messages about the cache's own files. */
  static String describe(IOException e) {
    String what;
    if (e instanceof AccessDeniedException a) {
      what = "permission denied on " + a.getFile();
    } else if (e instanceof FileAlreadyExistsException f) {
      // Thrown by createDirectories when a file sits where a directory must be.
      what = f.getFile() + " is in the way: not a directory";
    } else if (e instanceof FileSystemException f && f.getFile() != null) {
      what = f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
    } else {
      what = String.valueOf(e.getMessage());
    }
    return what;
  }
}
