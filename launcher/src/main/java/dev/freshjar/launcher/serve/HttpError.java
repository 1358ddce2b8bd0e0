package dev.freshjar.launcher.serve;

import java.time.Duration;
import java.util.Optional;

/** A request that gets an error answer: its status, what went wrong, and when to retry. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Optional<Duration> retryAfter;

  HttpError(int status, String message) {
    this(status, message, Optional.empty());
  }

  HttpError(int status, String message, Optional<Duration> retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
