package dev.freshjar.launcher.loading;

import dev.freshjar.launcher.output.Untrusted;
import java.util.ServiceConfigurationError;

/** Turns what a module's code threw while loading into one sentence for a person. */
final class LoadFailures {
  private LoadFailures() {}

  static String describe(Throwable failure) {
    Throwable cause = failure;
    // ServiceLoader wraps the interesting error; unwrap to what the module's code did.
    while (cause instanceof ServiceConfigurationError && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) {
      return "a rule class failed in its static initialiser: " + oneLine(cause.getCause());
    }
    if (cause instanceof UnsupportedClassVersionError) {
      return "it was compiled for a newer Java than this one ("
          + Runtime.version().feature()
          + "): "
          + Untrusted.text(cause.getMessage());
    }
    if (cause instanceof LinkageError) {
      return "it does not link against this freshjar's module-api or the JDK: " + oneLine(cause);
    }
    if (cause instanceof ServiceConfigurationError) {
      return Untrusted.text(cause.getMessage());
    }
    return "its code threw while loading: " + oneLine(cause);
  }

  static String oneLine(Throwable t) {
    String message = t.getMessage();
    // The module's words: escaped where they enter, so they add no lines to freshjar's message.
    return t.getClass().getName() + (message == null ? "" : ": " + Untrusted.text(message));
  }
}
