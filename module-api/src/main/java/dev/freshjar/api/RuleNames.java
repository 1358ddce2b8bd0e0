package dev.freshjar.api;

/**
 * The form of a rule's {@link Rule#name() name}: lower-case ASCII letters, digits and {@code -},
 * starting with a letter, such as {@code top} or {@code count-lines}.
 *
 * <p>freshjar refuses to load a module that has a rule with any other name. Call {@link
 * #check(String)} from your module's tests, so that a bad name fails your build, not your users'
 * runs:
 *
 * <pre>{@code
 * @Test
 * void nameIsOneUsersCanType() {
 *   RuleNames.check(new CountLinesRule().name());
 * }
 * }</pre>
 */
public final class RuleNames {
  /** The form in words, as the messages of {@link #check(String)} and of freshjar give it. */
  public static final String FORM =
      "lower-case ASCII letters, digits and '-', starting with a letter";

  private RuleNames() {}

  /**
   * Whether {@code name} has the form of a rule name.
   *
   * @param name a rule's name; may be null
   * @return true for a non-empty name of lower-case ASCII letters, digits and {@code -} that starts
   *     with a letter
   */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || !isLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code name} if it has the form of a rule name.
   *
   * @param name a rule's name
   * @return {@code name}
   * @throws IllegalArgumentException naming the bad name (control characters escaped) and the form
   */
  public static String check(String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(
          "rule name " + quoted(name) + " is not valid: use " + FORM);
    }
    return name;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  // At most 60 characters, each outside printable ASCII as \\uXXXX: the name may come from a jar.
  private static String quoted(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(name.length(), 60);
    for (int i = 0; i < shown; i++) {
      char c = name.charAt(i);
      if (c >= ' ' && c <= '~' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (name.length() > shown) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
