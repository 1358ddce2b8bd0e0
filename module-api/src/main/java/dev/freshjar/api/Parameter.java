package dev.freshjar.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named option of a {@link Rule}, such as the {@code n} of {@code top -n 5}.
 *
 * <p>On the command line a one-letter parameter is written {@code -n VALUE} and a longer one {@code
 * --name VALUE}; in the interactive shell parameters may also be given positionally, in declaration
 * order, before the input.
 *
 * @param name lower-case ASCII letters, digits and {@code -}, starting with a letter
 * @param summary one line that tells the user what the value does
 * @param kind how the value is parsed and checked
 * @param defaultValue the value used when the user gives none, in its textual form
 * @param minimum for {@link Kind#INTEGER} parameters, the smallest value accepted
 */
public record Parameter(String name, String summary, Kind kind, String defaultValue, long minimum) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** How a parameter's value is parsed. */
  public enum Kind {
    /** A whole number, handed to the rule as a {@code long}. */
    INTEGER,
    /** Any text. */
    TEXT
  }

  /**
   * Checks the declaration.
   *
   * @throws IllegalArgumentException when the name is malformed or the default does not parse
   */
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "parameter name '" + name + "' must match " + NAME.pattern());
    }
    if (kind == Kind.INTEGER) {
      long value;
      try {
        value = Long.parseLong(defaultValue);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "default of integer parameter '" + name + "' is not a number: " + defaultValue, e);
      }
      if (value < minimum) {
        throw new IllegalArgumentException(
            "default of parameter '" + name + "' is below its minimum " + minimum);
      }
    }
  }

  /**
   * Declares a whole-number parameter.
   *
   * @param name the parameter's name
   * @param summary what the value does
   * @param defaultValue used when the user gives no value
   * @param minimum the smallest value accepted
   * @return the declaration
   */
  public static Parameter integer(String name, String summary, long defaultValue, long minimum) {
    return new Parameter(name, summary, Kind.INTEGER, Long.toString(defaultValue), minimum);
  }

  /**
   * Declares a text parameter.
   *
   * @param name the parameter's name
   * @param summary what the value does
   * @param defaultValue used when the user gives no value
   * @return the declaration
   */
  public static Parameter text(String name, String summary, String defaultValue) {
    return new Parameter(name, summary, Kind.TEXT, defaultValue, Long.MIN_VALUE);
  }

  /**
   * Parses and checks a value the user typed.
   *
   * @param value the user's text
   * @return the value in canonical textual form
   * @throws IllegalArgumentException with a message for the user when the value is not acceptable
   */
  public String check(String value) {
    Objects.requireNonNull(value, "value");
    if (kind == Kind.TEXT) {
      return value;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a whole number (parameter " + name + ")", e);
    }
    if (parsed < minimum) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be at least " + minimum + ", not " + parsed);
    }
    return Long.toString(parsed);
  }
}
