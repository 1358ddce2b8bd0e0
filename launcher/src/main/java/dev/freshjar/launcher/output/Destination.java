package dev.freshjar.launcher.output;

import java.util.OptionalInt;

/**
 * Where a result is printed. On a terminal a text table fits its width, and the text of a TSV cell
 * is shown with its control characters escaped, since there they would act on the terminal; through
 * a pipe or into a file, TSV is the data as it is.
 *
 * @param terminal whether a person's terminal shows it
 * @param width how many columns a text table may take
 */
public record Destination(boolean terminal, int width) {
  /** A pipe or a file: nothing fitted, nothing escaped but what the format itself escapes. */
  public static final Destination DATA = new Destination(false, Integer.MAX_VALUE);

  /** A terminal of {@code columns} columns, when known. */
  public static Destination terminal(OptionalInt columns) {
    return new Destination(true, columns.orElse(Integer.MAX_VALUE));
  }
}
