package dev.freshjar.launcher.serve;

/**
 * Text from modules, sources and clients made fit for standard error: control characters (escape
 * sequences, carriage returns that would overwrite a line) shown escaped, and the length bounded.
 */
final class ForTerminal {
  private static final int LIMIT = 2000;

  private ForTerminal() {}

  static String clean(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT + 16));
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (count++ == LIMIT) {
        out.append("...");
        break;
      }
      if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
