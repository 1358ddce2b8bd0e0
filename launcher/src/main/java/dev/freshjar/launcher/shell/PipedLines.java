package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.IoProblems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
      // Not a bug of freshjar's: a closed (<&-) or broken standard input.
      throw CommandFailure.ruleFailed(
          "cannot read commands from standard input (" + IoProblems.describe(e) + ")", e);
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
