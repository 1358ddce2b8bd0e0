package dev.freshjar.launcher.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used. The message reads {@code FILE:LINE: what is wrong; what
 * to do} (without {@code :LINE} when the file as a whole is at fault), ready to show as it is.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  ConfigException(Path file, int line, String problem) {
    this(file, line, problem, null);
  }

  ConfigException(Path file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The line at fault, counting from 1; 0 when the file as a whole is. */
  public int line() {
    return line;
  }
}
