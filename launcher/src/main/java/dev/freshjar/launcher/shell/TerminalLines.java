package dev.freshjar.launcher.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Commands typed at a terminal: line editing, persistent history and completion (JLine). */
final class TerminalLines implements LineSource {
  static final String PROMPT = "freshjar> ";

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLines(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /** Opens the process's terminal; history is kept in {@code history} when it can be written. */
  static TerminalLines open(Path history, Completer completer, PrintStream err) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .appName("freshjar")
            .terminal(terminal)
            .parser(Words.PARSER)
            .completer(completer);
    try {
      Files.createDirectories(history.getParent());
      builder.variable(LineReader.HISTORY_FILE, history);
    } catch (IOException e) {
      err.println(
          "freshjar: warning: history is not kept: cannot create "
              + history.getParent()
              + ": "
              + e.getMessage());
    }
    return new TerminalLines(terminal, builder.build());
  }

  /**
   * The next line typed. Ctrl-C drops the line being typed, as in other shells; at an empty prompt
   * it says how to leave, and a second one in a row leaves.
   */
  @Override
  public String next() {
    boolean leaveOnCtrlC = false;
    while (true) {
      try {
        return reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        if (!e.getPartialLine().isEmpty()) {
          leaveOnCtrlC = false;
        } else if (leaveOnCtrlC) {
          return null;
        } else {
          leaveOnCtrlC = true;
          terminal.writer().println("(press Ctrl-C again to leave, or Ctrl-D, or type quit)");
          terminal.flush();
        }
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  /**
   * While a command runs the terminal is in its normal mode and Ctrl-C raises SIGINT, which JLine
   * hands to this handler; during {@link LineReader#readLine} JLine puts its own in place (Ctrl-C
   * is then a {@link UserInterruptException}) and restores this one after.
   */
  @Override
  public void onInterrupt(Runnable handler) {
    terminal.handle(Terminal.Signal.INT, signal -> handler.run());
  }

  @Override
  public void announce(String message) {
    reader.printAbove(message);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the history or close the terminal", e);
    }
  }
}
