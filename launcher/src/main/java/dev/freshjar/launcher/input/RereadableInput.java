package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One input that every reader gets whole, from its first byte, although its source is read once: a
 * regular file is simply opened again; anything else (standard input, a pipe, a FIFO, a download)
 * is kept in a {@link Spool} as the first reader reads it.
 */
final class RereadableInput implements Closeable {
  private final Input source;
  private final Path tempDir;
  private boolean reopen;
  private boolean lastReader;
  private boolean released;
  private Spool spool;
  // The source opened ahead of the rule (a download started while the modules load), if it was.
  private CompletableFuture<InputStream> opening;

  RereadableInput(Input source, Path tempDir) {
    this.source = source;
    this.tempDir = tempDir;
  }

  /** The input as a rule sees it; each {@code openStream()} starts at the first byte. */
  Input input() {
    if (source.isSeekable()) {
      return source; // a regular file: every reader opens it again, at any offset
    }
    return Input.of(source.name(), this::open, source.charset(), source.sizeHint().orElse(-1));
  }

  /** No reader will be opened after the next one (or the one already open): keep nothing more. */
  synchronized void lastReader() {
    lastReader = true;
    if (spool != null) {
      spool.stopRecording();
    }
  }

  /**
   * Opens the source now on {@code executor}, so that a download's connection and first bytes are
   * under way before the rule asks for them; the rule's first open gets that stream.
   */
  synchronized void openAhead(Executor executor) {
    if (opening == null && spool == null && !reopen && !source.isSeekable()) {
      opening =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return source.openStream();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              executor);
    }
  }

  private InputStream openSource() throws IOException {
    if (opening == null) {
      return source.openStream();
    }
    CompletableFuture<InputStream> ahead = opening;
    opening = null;
    try {
      return ahead.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /** A reader will follow the one open now: keep everything. */
  synchronized void release() {
    released = true;
    if (spool != null) {
      spool.release();
    }
  }

  private synchronized InputStream open() throws IOException {
    if (spool != null) {
      return spool.reader();
    }
    if (reopen) {
      return source.openStream();
    }
    InputStream first = openSource();
    if (first instanceof OpenedFile file && file.rereadable()) {
      reopen = true;
      return first;
    }
    if (lastReader) {
      return first;
    }
    spool = new Spool(source.name(), first, tempDir);
    if (released) {
      spool.release();
    }
    return spool.reader();
  }

  @Override
  public synchronized void close() throws IOException {
    if (opening != null) {
      // Opened ahead for a rule that never asked for it.
      opening.thenAccept(RereadableInput::closeUnread);
    }
    if (spool != null) {
      spool.close();
    }
  }

  private static void closeUnread(InputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing an input nobody read", e);
    }
  }
}
