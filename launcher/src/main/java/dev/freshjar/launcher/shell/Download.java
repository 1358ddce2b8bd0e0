package dev.freshjar.launcher.shell;

import dev.freshjar.api.Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One document downloaded into a file on a daemon thread of its own, so that Ctrl-C stops it at
 * once: a socket read blocked on a server that stopped sending ignores the session thread's
 * interrupt, and would hold the prompt until the read timeout. Cancelling closes the connection and
 * deletes the file; a download that is still waiting for the server's first answer is left to its
 * own timeouts, and whatever it writes then is deleted by itself, never used.
 */
final class Download {
  private final Input remote;
  private final Path file;
  private final CompletableFuture<Long> bytes = new CompletableFuture<>();
  private InputStream stream;
  private boolean cancelled;

  private Download(Input remote, Path file) {
    this.remote = remote;
    this.file = file;
  }

  /** Starts copying {@code remote} into {@code file}, which must not exist. */
  static Download start(Input remote, Path file) {
    Download download = new Download(remote, file);
    Thread thread = new Thread(download::copy, "freshjar-download");
    thread.setDaemon(true);
    thread.start();
    return download;
  }

  private void copy() {
    try (InputStream in = opened(remote.openStream())) {
      bytes.complete(Files.copy(in, file));
    } catch (IOException | RuntimeException e) {
      bytes.completeExceptionally(e);
    } finally {
      if (isCancelled() || bytes.isCompletedExceptionally()) {
        deleteQuietly();
      }
    }
  }

  private synchronized InputStream opened(InputStream in) throws IOException {
    if (cancelled) {
      in.close();
      throw new InterruptedIOException("cancelled");
    }
    stream = in;
    return in;
  }

  private synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * The number of bytes written, once the whole document is in the file.
   *
   * @throws IOException the download failed; the file is gone
   * @throws InterruptedException the waiting thread was interrupted: call {@link #cancel}
   */
  long await() throws IOException, InterruptedException {
    try {
      return bytes.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  /** Stops the download: closes its connection, if it has one yet, and deletes its file. */
  void cancel() {
    InputStream open;
    synchronized (this) {
      cancelled = true;
      open = stream;
    }
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // The copy's read fails either way, and the file is deleted below: nothing is lost.
      }
    }
    deleteQuietly();
  }

  private void deleteQuietly() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A copy left behind is never used (only a completed download is), and the session's
      // directory is deleted with everything in it when the session ends.
    }
  }
}
