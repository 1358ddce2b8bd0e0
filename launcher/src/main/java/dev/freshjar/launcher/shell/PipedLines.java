package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.IoProblems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One command per line from a pipe or file; announcements go to standard error. A line is read in
 * bounded memory: past {@link #MAX_CHARS} it is skipped to its end and reported, since no command
 * is that long and the input is then something else (a data file given as the script).
 */
final class PipedLines implements LineSource {
  /** Far beyond any command: a rule, its values and a URL. */
  static final int MAX_CHARS = 1 << 20;

  private final BufferedReader reader;
  private final PrintStream err;
  private final StringBuilder line = new StringBuilder();
  // A line ended by "\r": a "\n" right after it ends nothing more (as BufferedReader.readLine).
  private boolean skipNewline;

  PipedLines(InputStream in, PrintStream err) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.err = err;
  }

  /**
   * {@inheritDoc}
   *
   * @throws SkippedLine (exit 2) for a line longer than {@link #MAX_CHARS}, once it is skipped
   * @throws CommandFailure (exit 1) when standard input cannot be read
   */
  @Override
  public String next() {
    line.setLength(0);
    long length = 0;
    try {
      int c = reader.read();
      if (skipNewline && c == '\n') {
        c = reader.read();
      }
      skipNewline = false;
      if (c < 0) {
        return null;
      }
      for (; c >= 0 && c != '\n' && c != '\r'; c = reader.read()) {
        if (++length <= MAX_CHARS) {
          line.append((char) c);
        }
      }
      skipNewline = c == '\r';
    } catch (IOException e) {
      // Not a bug of freshjar's: a closed (<&-) or broken standard input.
      throw CommandFailure.ruleFailed(
          "cannot read commands from standard input (" + IoProblems.describe(e) + ")", e);
    }
    if (length > MAX_CHARS) {
      line.setLength(0);
      line.trimToSize();
      throw new SkippedLine(
          "the line is longer than any command ("
              + length
              + " characters; at most "
              + MAX_CHARS
              + "): is standard input the script you meant? Put data in a file and give its name");
    }
    return line.toString();
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
