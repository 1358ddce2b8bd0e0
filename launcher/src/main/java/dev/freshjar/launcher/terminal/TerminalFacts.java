package dev.freshjar.launcher.terminal;

import dev.freshjar.launcher.output.Destination;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the process knows of the terminal it writes to, as {@code bin/freshjar} found it: Java 17
 * cannot ask whether standard error is a terminal, or how wide a terminal is, and the shell script
 * can for almost nothing ({@code [ -t 2 ]}, {@code stty size}). It passes them as {@code
 * -Dfreshjar.terminal=out,err} and {@code -Dfreshjar.columns=N}; {@code COLUMNS} in the environment
 * overrides the width.
 *
 * @param stdoutIsTerminal whether results go to a terminal (tables are then fitted to its width)
 * @param stderrIsTerminal whether messages go to a terminal (progress bars are then drawn)
 * @param columns the terminal's width, when known
 * @param noColor whether {@code NO_COLOR} asks for no colour
 */
public record TerminalFacts(
    boolean stdoutIsTerminal, boolean stderrIsTerminal, OptionalInt columns, boolean noColor) {
  /** No terminal at all: what tests and pipes see. */
  public static final TerminalFacts NONE =
      new TerminalFacts(false, false, OptionalInt.empty(), false);

  /** The facts of this process, from bin/freshjar's system properties and {@code env}. */
  public static TerminalFacts of(Map<String, String> env) {
    String streams = System.getProperty("freshjar.terminal", "");
    OptionalInt columns = positive(env.get("COLUMNS"));
    if (columns.isEmpty()) {
      columns = positive(System.getProperty("freshjar.columns"));
    }
    String noColor = env.get("NO_COLOR");
    return new TerminalFacts(
        streams.contains("out"),
        streams.contains("err"),
        columns,
        noColor != null && !noColor.isEmpty());
  }

  /** Where results go: a terminal (of its width, when known), or a pipe or file. */
  public Destination destination() {
    return stdoutIsTerminal ? Destination.terminal(columns) : Destination.DATA;
  }

  /** Whether results and help may be coloured: on a terminal, unless {@code NO_COLOR} is set. */
  public boolean colour() {
    return stdoutIsTerminal && !noColor;
  }

  /**
   * The width help is laid out in: the terminal's, else the traditional 80 columns; never less than
   * picocli takes (it refuses a narrower width, and every command would fail), so on a narrower
   * terminal help wraps.
   */
  public int helpWidth() {
    return Math.max(LEAST_HELP_WIDTH, columns.orElse(80));
  }

  /** picocli's least usage width ({@code UsageMessageSpec}'s minimum, which it keeps private). */
  static final int LEAST_HELP_WIDTH = 55;

  private static OptionalInt positive(String value) {
    if (value == null || value.isBlank()) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
