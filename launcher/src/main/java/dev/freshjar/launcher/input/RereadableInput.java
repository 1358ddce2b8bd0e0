package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

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
  private Spool spool;

  RereadableInput(Input source, Path tempDir) {
    this.source = source;
    this.tempDir = tempDir;
  }

  /** The input as a rule sees it; each {@code openStream()} starts at the first byte. */
  Input input() {
    return Input.of(source.name(), this::open, source.charset(), source.sizeHint().orElse(-1));
  }

  /** No reader will be opened after the next one (or the one already open): keep nothing more. */
  synchronized void lastReader() {
    lastReader = true;
    if (spool != null) {
      spool.stopRecording();
    }
  }

  private synchronized InputStream open() throws IOException {
    if (spool != null) {
      return spool.reader();
    }
    if (reopen) {
      return source.openStream();
    }
    InputStream first = source.openStream();
    if (first instanceof OpenedFile file && file.rereadable()) {
      reopen = true;
      return first;
    }
    if (lastReader) {
      return first;
    }
    spool = new Spool(source.name(), first, tempDir);
    return spool.reader();
  }

  @Override
  public synchronized void close() throws IOException {
    if (spool != null) {
      spool.close();
    }
  }
}
