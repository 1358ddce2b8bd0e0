package dev.freshjar.launcher.output;

/**
 * The one way text that came from outside (a server's status line or headers, a jar's manifest, an
 * exception's message, a file's content) reaches a terminal or a log: every control character, and
 * every Unicode character that reorders or hides text (bidirectional overrides and isolates,
 * zero-width format characters), is shown as a {@code \\uXXXX} escape, and the text is cut at
 * {@link #MAX_CHARS} characters with a note of how much was left out. A terminal then never sees an
 * escape sequence it would obey ({@code ESC ] 0 ; TITLE BEL}, {@code ESC [ 2 J}) nor a line break
 * that forges a line.
 */
public final class Untrusted {
  /** The most characters of one message shown; a 1 MB value is not echoed whole. */
  public static final int MAX_CHARS = 2000;

  private Untrusted() {}

  /**
   * {@code text} safe to print on one line: escaped and bounded as the class comment says. Null is
   * printed as {@code null}.
   */
  public static String text(String text) {
    if (text == null) {
      return "null";
    }
    if (text.length() <= MAX_CHARS && isPlain(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 32);
    int shown = 0;
    int i = 0;
    while (i < text.length()) {
      if (shown >= MAX_CHARS) {
        return out.append("... (")
            .append(text.codePointCount(i, text.length()))
            .append(" more characters not shown)")
            .toString();
      }
      int cp = text.codePointAt(i);
      if (isHidden(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
      shown++;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * {@link #text} applied to each line of {@code text} on its own: for freshjar's own messages that
   * span lines (a usage text), whose parts from outside must not add lines of their own.
   */
  public static String lines(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(text(line));
    }
    return out.toString();
  }

  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && isHidden(c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHidden(int cp) {
    return Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT
        || Character.getType(cp) == Character.LINE_SEPARATOR
        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
        || Character.getType(cp) == Character.SURROGATE;
  }
}
