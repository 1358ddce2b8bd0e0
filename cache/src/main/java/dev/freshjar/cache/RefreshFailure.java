package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;

/**
 * Why a refresh could not use its source. The message is the reason a person sees in a {@link
 * Refresh.Fallback} or {@link Refresh.Unavailable}; it names the URL or file involved.
 */
final class RefreshFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private Cause kind;

  RefreshFailure(String reason) {
    this(reason, null, Cause.OTHER);
  }

  RefreshFailure(String reason, Throwable cause) {
    this(reason, cause, Cause.OTHER);
  }

  RefreshFailure(String reason, Cause kind) {
    this(reason, null, kind);
  }

  RefreshFailure(String reason, Throwable cause, Cause kind) {
    super(reason, cause);
    this.kind = kind;
  }

  String reason() {
    return getMessage();
  }

  Cause kind() {
    return kind;
  }

  /** This failure, of {@code kind} unless a more precise kind was given where it was thrown. */
  RefreshFailure orKind(Cause kind) {
    if (this.kind == Cause.OTHER) {
      this.kind = kind;
    }
    return this;
  }

  /** The cache directory refused a write: read-only, permissions, disk full. */
  static RefreshFailure notWritable(IOException e) {
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
    return new RefreshFailure("cache not writable: " + what, e, Cause.NOT_WRITABLE);
  }
}
