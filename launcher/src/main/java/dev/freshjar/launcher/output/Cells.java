package dev.freshjar.launcher.output;

import java.util.function.IntPredicate;

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

  private static String escape(String text, boolean keepLineBreaks) {
    IntPredicate escaped =
        keepLineBreaks
            ? cp -> cp != '\t' && cp != '\n' && cp != '\r' && escaped(cp)
            : Cells::escaped;
    if (text.codePoints().noneMatch(escaped)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              if (escaped.test(cp)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
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
