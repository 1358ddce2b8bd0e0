package dev.freshjar.launcher.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One command per line from a pipe or file; announcements go to standard error. */
final class PipedLines implements LineSource {
  private final BufferedReader reader;
  private final PrintStream err;

  PipedLines(InputStream in, PrintStream err) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.err = err;
  }

  @Override
  public String next() {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commands from standard input", e);
    }
  }

  @Override
  public void announce(String message) {
    err.println(message);
  }

  @Override
  public void onInterrupt(Runnable handler) {
    // Nothing: see LineSource.
  }

  @Override
  public boolean interactive() {
    return false;
  }

  @Override
  public void close() {
    // Standard input belongs to the process: leave it open.
  }
}
