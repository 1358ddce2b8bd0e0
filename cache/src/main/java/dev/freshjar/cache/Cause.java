package dev.freshjar.cache;

/**
 * Why a module is not on its source's newest verified jar, as a type: what a formatter words and a
 * watcher compares, instead of free text.
 */
public enum Cause {
  /** The source could not be reached or read: DNS, connection, TLS, a cut-off body, a file. */
  UNREACHABLE,
  /** The server answered with an HTTP status other than 200 or 304. */
  HTTP_STATUS,
  /** The module's own fetch timeout passed. */
  TIMED_OUT,
  /** The run's update deadline passed before the check finished. */
  DEADLINE,
  /** The check was interrupted. */
  INTERRUPTED,
  /** The download is not a jar this launcher accepts: unreadable, damaged, too large, no rules. */
  REJECTED,
  /** The module's code did not finish loading within its bound. */
  LOAD_HUNG,
  /**
   * What the source's trust refuses: not the pinned sha256, a bad or missing signature, a
   * downgrade, a refused URL, a cache directory others may write.
   */
  UNTRUSTED,
  /** The cached jar is damaged, missing or another module's. */
  DAMAGED,
  /** The cache refused a write. */
  NOT_WRITABLE,
  /** Another process held the module's lock too long. */
  BUSY,
  /** The module's record cannot be read. */
  CORRUPT_RECORD,
  /** The user asked that no source be asked. */
  OFFLINE,
  /** Anything else. */
  OTHER
}
