package dev.freshjar.cache.maven;

/** Text from a server or file, made fit for a reason a person reads on a terminal. */
final class Text {
  private static final int MAX = 200;

  private Text() {}

  /** {@code s} without control characters, cut to a couple of hundred characters. */
  static String bounded(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .limit(MAX)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    if (s.codePointCount(0, s.length()) > MAX) {
      out.append("...");
    }
    return out.toString();
  }
}
