package dev.freshjar.launcher.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
  private static final String LEAVE_HINT = "(press Ctrl-C again to leave, or Ctrl-D, or type quit)";

  private final Terminal terminal;
  private final LineReader reader;
  private final KeptHistory history;

  private TerminalLines(Terminal terminal, LineReader reader, KeptHistory history) {
    this.terminal = terminal;
    this.reader = reader;
    this.history = history;
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
            .completer(completer)
            // Saved after each line by KeptHistory, which reports a failed write.
            .option(LineReader.Option.HISTORY_INCREMENTAL, false);
    LineReader reader = builder.build();
    return new TerminalLines(terminal, reader, KeptHistory.attach(reader, history, err));
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
        // The hint is part of the next prompt, not printed before it: JLine draws the prompt once
        // it has taken Ctrl-C over, so a second Ctrl-C typed the moment the hint shows is seen
        // (printed before, it could land while the terminal was back in its normal mode, as a
        // SIGINT with no command to stop, and be lost).
        String line = reader.readLine(leaveOnCtrlC ? LEAVE_HINT + "\n" + PROMPT : PROMPT);
        history.save();
        return line;
      } catch (UserInterruptException e) {
        if (!e.getPartialLine().isEmpty()) {
          leaveOnCtrlC = false;
        } else if (leaveOnCtrlC) {
          return null;
        } else {
          leaveOnCtrlC = true;
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
    history.save();
    try {
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the terminal", e);
    }
  }
}
