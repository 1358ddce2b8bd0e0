package dev.freshjar.launcher.config;

/** An option's value that cannot be used; the parser adds the file and line. */
final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  BadValue(String problem) {
    super(problem);
  }
}
