package dev.freshjar.launcher.shell;

import dev.freshjar.api.Table;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.output.Destination;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a session holds across its commands: the live modules, the settings, the fetched documents,
 * where output goes, and the first failure. Made only of JDK and module-api types and the
 * launcher's own, never of a module's, so that nothing here keeps an old module version alive.
 */
final class Session {
  private final LiveModules modules;
  private final Shell.Options options;
  private final PrintWriter out;
  private final PrintStream err;
  private final SessionSettings settings;
  private final Documents documents;
  private final Updates updates;
  // Held while a command runs, and while a watched update is applied: never both at once.
  private final ReentrantLock commandLock = new ReentrantLock();
  private LineSource lines;
  private ExitStatus firstFailure = ExitStatus.OK;

  Session(
      LiveModules modules,
      Shell.Options options,
      InputStream in,
      PrintWriter out,
      PrintStream err) {
    this.modules = modules;
    this.options = options;
    this.out = out;
    this.err = err;
    this.settings = new SessionSettings(options.format());
    this.documents = new Documents(new InputResolver(in));
    this.updates = new Updates(this);
  }

  LiveModules modules() {
    return modules;
  }

  Shell.Options options() {
    return options;
  }

  SessionSettings settings() {
    return settings;
  }

  Documents documents() {
    return documents;
  }

  Updates updates() {
    return updates;
  }

  ReentrantLock commandLock() {
    return commandLock;
  }

  LineSource lines() {
    return lines;
  }

  void attach(LineSource source) {
    this.lines = source;
  }

  boolean interactive() {
    return lines != null && lines.interactive();
  }

  boolean offline() {
    return options.updateMode() == Refresher.Mode.OFFLINE;
  }

  /** Prints a result in the session's format. */
  void print(Table table) {
    try {
      // On a terminal, a TSV cell's control characters are shown escaped, as in a one-shot.
      settings
          .format()
          .write(
              table,
              out,
              interactive() ? Destination.terminal(OptionalInt.empty()) : Destination.DATA);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to standard output", e);
    }
  }

  /**
   * Prints a message that is not a result ({@code text: unchanged, ...}, {@code fetched ...}): on
   * standard output with text and TSV results, on standard error with JSON, so that standard output
   * stays one JSON document per line.
   */
  void say(String message) {
    if (settings.format() == Format.JSON) {
      out.flush();
      err.println(message);
    } else {
      out.println(message);
    }
  }

  /** A warning, on standard error between results. */
  void warn(String message) {
    out.flush();
    err.println("warning: " + Untrusted.lines(message));
  }

  /** An error about one command, on standard error. */
  void error(String message) {
    out.flush();
    err.println("error: " + Untrusted.lines(message));
  }

  void flush() {
    out.flush();
  }

  void recordFailure(ExitStatus status) {
    if (firstFailure == ExitStatus.OK) {
      firstFailure = status;
    }
  }

  ExitStatus firstFailure() {
    return firstFailure;
  }
}
