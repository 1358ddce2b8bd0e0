package dev.freshjar.launcher.cron;

import dev.freshjar.launcher.IoProblems;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The trail an unattended run leaves ({@code update --log-file FILE}): one line per event, {@code
 * TIMESTAMP LEVEL [PID] MESSAGE}, with the time in UTC ISO-8601. The file is opened for appending
 * and every line goes out in one write, so that the lines of several processes sharing the file
 * never mix within a line. A log that cannot be written does not stop the run: it says so once on
 * standard error and goes on without, and the run then fails ({@link #failed()}).
 */
public final class RunLog implements AutoCloseable {
  /** How serious a line is. */
  public enum Level {
    INFO,
    WARN,
    ERROR
  }

  private final Path file;
  private final FileChannel channel;
  private final PrintStream err;
  private final Clock clock;
  private final long pid = ProcessHandle.current().pid();
  private boolean broken;

  private RunLog(Path file, FileChannel channel, PrintStream err, Clock clock) {
    this.file = file;
    this.channel = channel;
    this.err = err;
    this.clock = clock;
  }

  /** A log that writes nothing, for runs without {@code --log-file}. */
  public static RunLog none() {
    return new RunLog(null, null, null, Clock.systemUTC());
  }

  /**
   * Opens {@code file} for appending, creating it and its directories if needed; when that fails,
   * says so on {@code err} and returns a log that writes nothing and has {@link #failed()}.
   */
  public static RunLog open(Path file, PrintStream err, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new RunLog(file, channel, err, clock);
    } catch (IOException e) {
      RunLog log = new RunLog(file, null, err, clock);
      log.broken = true;
      warn(err, file, e);
      return log;
    }
  }

  /**
   * Whether a line could not be written (or the file not opened): the run that asked for a log
   * should not report success, since the trail a cron job relies on is missing.
   */
  public boolean failed() {
    return broken;
  }

  public void info(String message) {
    write(Level.INFO, message);
  }

  public void warn(String message) {
    write(Level.WARN, message);
  }

  public void error(String message) {
    write(Level.ERROR, message);
  }

  /**
   * Appends one line; a line break inside {@code message} is written as a space, other control
   * characters escaped ({@link Untrusted#text}).
   */
  public void write(Level level, String message) {
    if (channel == null || broken) {
      return;
    }
    String line =
        clock.instant().truncatedTo(ChronoUnit.MILLIS)
            + " "
            + level
            + " ["
            + pid
            + "] "
            + Untrusted.text(message.replace('\r', ' ').replace('\n', ' '))
            + "\n";
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      // One write() of a short buffer: O_APPEND then places it whole at the end of the file.
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      broken = true;
      warn(err, file, e);
    }
  }

  private static void warn(PrintStream err, Path file, IOException e) {
    err.println(
        "freshjar: cannot write the log file "
            + file
            + " ("
            + IoProblems.describe(e)
            + "); going on without it, and exiting 1 at the end. Give --log-file a file in a"
            + " directory you can write");
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      if (!broken) {
        warn(err, file, e);
      }
    }
  }
}
