package dev.freshjar.launcher.output;

/**
 * A table's cell or column name as a terminal may show it: control characters (an escape sequence,
 * a line break) and the bidirectional controls that reorder what follows them (U+202A..U+202E,
 * U+2066..U+2069) become {@code \\uXXXX}. Unlike {@link Untrusted#text}, nothing is cut off, and
 * the joiners and marks that real words contain (U+200C, U+200D, U+200F) stay as they are.
 */
final class Cells {
  private Cells() {}

  static String visible(String text) {
    return escape(text, false);
  }

  /** As {@link #visible}, but tab, newline and carriage return stay (TSV writes them its way). */
  static String visibleExceptLineBreaks(String text) {
    return escape(text, true);
  }

  // Per cell, on the writers' per-row path: a plain scan, and no copy unless something is escaped.
  private static String escape(String text, boolean keepLineBreaks) {
    int i = 0;
    while (i < text.length() && !escaped(text.codePointAt(i), keepLineBreaks)) {
      i += Character.charCount(text.codePointAt(i));
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (escaped(cp, keepLineBreaks)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean escaped(int cp, boolean keepLineBreaks) {
    return !(keepLineBreaks && (cp == '\t' || cp == '\n' || cp == '\r')) && escaped(cp);
  }

  private static boolean escaped(int cp) {
    if (Character.isISOControl(cp)) {
      return true;
    }
    return switch (Character.getDirectionality(cp)) {
      case Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
              Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
              Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
              Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
              Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
              Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
              Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
              Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
              Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE ->
          true;
      default -> false;
    };
  }
}
