package dev.freshjar.launcher.serve;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * What is left of a request's body once the answer no longer depends on it, read and dropped
 * (before an error is sent; after the answer of a rule that stopped reading): a connection closed
 * on unread bytes makes the kernel answer the client with a reset, which breaks a client still
 * uploading (or one that sends its whole body before it reads) before it can read the answer.
 * Bounded, so that a client streaming forever cannot hold a thread: at most {@link #BYTES}, for at
 * most a given time (each read waiting at most the idle timeout); past that, the connection is
 * closed as it is.
 */
final class UnreadBody {
  /** The most bytes read and dropped. */
  static final long BYTES = 64L << 20;

  private UnreadBody() {}

  /**
   * Reads and drops {@code body} to its end, within the bounds; nothing when its declared {@code
   * length} (-1 when not declared) is past them, since the connection must close on it anyway.
   */
  static void discard(InputStream body, long length, Duration time) {
    if (length == 0 || length > BYTES) {
      return;
    }
    long deadline = System.nanoTime() + time.toNanos();
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    try {
      while (dropped < BYTES && System.nanoTime() - deadline < 0) {
        int n = body.read(buffer);
        if (n < 0) {
          return;
        }
        dropped += n;
      }
    } catch (IOException | RuntimeException e) {
      // The client stopped sending or went away: there is nothing left to spare it from.
    }
  }
}
