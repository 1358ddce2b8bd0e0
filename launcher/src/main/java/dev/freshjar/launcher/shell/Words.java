package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import java.util.List;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits a command line into words the way the terminal's line editor does ({@code "a b"} and
 * {@code a\ b} are one word), so that typed and piped commands mean the same.
 */
final class Words {
  /** Shared with the line editor, which then asks for more on an open quote. */
  static final Parser PARSER = new DefaultParser().eofOnUnclosedQuote(true);

  private Words() {}

  /**
   * The words of {@code line}; empty for a blank line or a comment ({@code # ...}).
   *
   * @throws CommandFailure (exit 2) for an unclosed quote
   */
  static List<String> split(String line) {
    if (line.isBlank() || line.stripLeading().startsWith("#")) {
      return List.of();
    }
    try {
      return PARSER.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words().stream()
          .filter(word -> !word.isEmpty())
          .toList();
    } catch (SyntaxError e) {
      throw CommandFailure.usage("unclosed quote in: " + line);
    }
  }
}
