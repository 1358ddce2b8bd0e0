package dev.freshjar.api;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The values of a rule's {@link Parameter parameters} for one call, already parsed and checked by
 * freshjar, with defaults filled in.
 */
public final class Arguments {
  private static final Arguments NONE = new Arguments(Map.of());

  private final Map<String, String> values;

  private Arguments(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Arguments with the given values.
   *
   * @param values parameter name to value in its textual form
   * @return the arguments
   */
  public static Arguments of(Map<String, String> values) {
    return values.isEmpty() ? NONE : new Arguments(values);
  }

  /**
   * Arguments with no values, for rules that declare no parameters.
   *
   * @return the empty arguments
   */
  public static Arguments none() {
    return NONE;
  }

  /**
   * The value of a {@link Parameter.Kind#TEXT} parameter.
   *
   * @param name the parameter's name
   * @return its value
   * @throws NoSuchElementException when the rule did not declare the parameter
   */
  public String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new NoSuchElementException("no argument named '" + name + "'");
    }
    return value;
  }

  /**
   * The value of a {@link Parameter.Kind#INTEGER} parameter.
   *
   * @param name the parameter's name
   * @return its value
   * @throws NoSuchElementException when the rule did not declare the parameter
   * @throws NumberFormatException when the parameter is not an integer one
   */
  public long integer(String name) {
    return Long.parseLong(text(name));
  }

  /**
   * All values, by parameter name.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
