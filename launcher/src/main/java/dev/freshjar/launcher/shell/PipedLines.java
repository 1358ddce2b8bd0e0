package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.IoProblems;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One command per line from a pipe or file; announcements go to standard error. A line ends at
 * {@code \n}, {@code \r\n} or {@code \r}; a UTF-8 byte order mark before the first is dropped (an
 * editor's, not a command's). A line is read in bounded memory: past {@link #MAX_BYTES} it is
 * skipped to its end and reported, since no command is that long and the input is then something
 * else (a data file given as the script). A line that is not UTF-8 is reported, not guessed at.
 */
final class PipedLines implements LineSource {
  /** Far beyond any command: a rule, its values and a URL. */
  static final int MAX_BYTES = 1 << 20;

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final PrintStream err;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  // A line ended by "\r": a "\n" right after it ends nothing more.
  private boolean skipNewline;
  private boolean first = true;

  PipedLines(InputStream in, PrintStream err) {
    this.in = new BufferedInputStream(in);
    this.err = err;
  }

  /**
   * {@inheritDoc}
   *
   * @throws SkippedLine (exit 2) for a line longer than {@link #MAX_BYTES} or not UTF-8, once it is
   *     skipped
   * @throws CommandFailure (exit 1) when standard input cannot be read
   */
  @Override
  public String next() {
    line.reset();
    long length = 0;
    try {
      int b = in.read();
      if (skipNewline && b == '\n') {
        b = in.read();
      }
      skipNewline = false;
      if (b < 0) {
        return null;
      }
      for (; b >= 0 && b != '\n' && b != '\r'; b = in.read()) {
        if (++length <= MAX_BYTES) {
          line.write(b);
        }
      }
      skipNewline = b == '\r';
    } catch (IOException e) {
      // Not a bug of freshjar's: a closed (<&-) or broken standard input.
      throw CommandFailure.ruleFailed(
          "cannot read commands from standard input (" + IoProblems.describe(e) + ")", e);
    }
    if (length > MAX_BYTES) {
      throw new SkippedLine(
          "the line is longer than any command ("
              + length
              + " bytes; at most "
              + MAX_BYTES
              + "): is standard input the script you meant? Put data in a file and give its name");
    }
    return decode(line.toByteArray());
  }

  private String decode(byte[] bytes) {
    int start = 0;
    if (first) {
      first = false;
      int n = BYTE_ORDER_MARK.length;
      if (bytes.length >= n && Arrays.equals(bytes, 0, n, BYTE_ORDER_MARK, 0, n)) {
        start = n;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SkippedLine(
          "the line is not UTF-8 text; save the script as UTF-8 (a file name in another encoding"
              + " cannot be given here either: rename the file)");
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
