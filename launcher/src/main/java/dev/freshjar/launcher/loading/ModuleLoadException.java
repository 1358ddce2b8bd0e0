package dev.freshjar.launcher.loading;

/** A module jar could not be loaded; the message says why, for a person. */
public final class ModuleLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  ModuleLoadException(String message) {
    super(message);
  }

  ModuleLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
