package dev.freshjar.launcher.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.jline.reader.LineReader;

/**
 * The line editor's history, kept in a file when the file can be used. JLine's own handling of a
 * bad file is to stop the session (a directory, a file that is not UTF-8) or print a stack trace on
 * the terminal (another format, a failed write), and to read an endless device until memory runs
 * out; so the file is checked and loaded here, each write is made here, and a trouble is one
 * warning, after which the session goes on without the file and leaves it as it was.
 */
final class KeptHistory {
  /** Far beyond any history JLine keeps (10,000 lines); past it the file is something else. */
  static final long MAX_BYTES = 64L << 20;

  private final LineReader reader;
  private final Path file;
  private final PrintStream err;
  private boolean kept;

  private KeptHistory(LineReader reader, Path file, PrintStream err) {
    this.reader = reader;
    this.file = file;
    this.err = err;
  }

  /**
   * Attaches {@code reader}'s history to {@code file}; it must have been built without a {@link
   * LineReader#HISTORY_FILE} and with {@link LineReader.Option#HISTORY_INCREMENTAL} off.
   */
  static KeptHistory attach(LineReader reader, Path file, PrintStream err) {
    KeptHistory history = new KeptHistory(reader, file, err);
    // Attached with no file, JLine loads nothing; the file is loaded below, where its failures
    // are caught.
    reader.getHistory().attach(reader);
    history.load();
    return history;
  }

  private void load() {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      warn(HistoryTrouble.NO_DIRECTORY, reason(e));
      return;
    }
    try {
      Optional<BasicFileAttributes> found = attributes(file);
      if (found.isPresent() && !found.get().isRegularFile()) {
        warn(HistoryTrouble.NOT_A_FILE, found.get().isDirectory() ? " (a directory)" : "");
        return;
      }
      if (found.isPresent() && found.get().size() > MAX_BYTES) {
        warn(HistoryTrouble.TOO_LARGE, found.get().size() + " bytes");
        return;
      }
      reader.setVariable(LineReader.HISTORY_FILE, file);
      kept = true;
      reader.getHistory().load();
    } catch (UncheckedIOException e) {
      forget(
          e.getCause() instanceof MalformedInputException
              ? HistoryTrouble.NOT_UTF8
              : HistoryTrouble.UNREADABLE,
          e.getCause() instanceof MalformedInputException ? null : e.getCause());
    } catch (IllegalArgumentException e) {
      // JLine's "Bad history file syntax!": a line without the TIME: prefix it writes.
      forget(HistoryTrouble.NOT_OURS, null);
    } catch (IOException e) {
      forget(HistoryTrouble.UNREADABLE, e);
    }
  }

  /** The file's attributes (through a symbolic link), or empty when there is no file. */
  private static Optional<BasicFileAttributes> attributes(Path file) throws IOException {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Appends what was typed since the last save; after a failure, warns once and stops. */
  void save() {
    if (!kept) {
      return;
    }
    try {
      reader.getHistory().save();
    } catch (IOException | UncheckedIOException e) {
      forget(HistoryTrouble.UNWRITABLE, e);
    }
  }

  private void forget(HistoryTrouble trouble, Exception cause) {
    kept = false;
    // So that JLine never writes over the file it could not read, nor tries again.
    reader.setVariable(LineReader.HISTORY_FILE, null);
    warn(trouble, cause == null ? "" : reason(cause));
  }

  private void warn(HistoryTrouble trouble, String detail) {
    err.println("freshjar: " + trouble.describe(file, detail));
    err.flush();
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
