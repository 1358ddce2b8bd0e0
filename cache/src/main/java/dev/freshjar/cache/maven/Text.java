package dev.freshjar.cache.maven;

/** Text from a server or file, made fit for a reason a person reads on a terminal. */
final class Text {
  private static final int MAX = 200;

  private Text() {}

  // Control characters drive the terminal; format characters (bidi overrides) reorder what it
  // shows.
  private static boolean isShowable(int c) {
    return !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT;
  }

  /** {@code s} without control characters, cut to a couple of hundred characters. */
  static String bounded(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(MAX).forEach(c -> out.appendCodePoint(isShowable(c) ? c : '?'));
    if (s.codePointCount(0, s.length()) > MAX) {
      out.append("...");
    }
    return out.toString();
  }
}
