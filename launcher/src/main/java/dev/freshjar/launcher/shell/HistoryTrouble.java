package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.output.Untrusted;
import java.nio.file.Path;

/**
 * Why the shell's history is not kept in its file, in words by {@link #describe}: the session goes
 * on without it, and the file is left as it was for its owner to look at.
 */
enum HistoryTrouble {
  NO_DIRECTORY("history is not kept: cannot create the directory of %s: %s"),
  NOT_A_FILE(
      "history is not kept: %s is not a regular file%s; remove it, or set XDG_STATE_HOME to"
          + " another directory"),
  TOO_LARGE("history is not kept: %s is %s, larger than any history; move it away"),
  NOT_UTF8("history is not kept: %s is not UTF-8 text%s; move it away to start a new history"),
  NOT_OURS(
      "history is not kept: %s is not a history file of freshjar's (a line without its TIME:"
          + " prefix)%s; move it away to start a new history"),
  UNREADABLE("history is not kept: cannot read %s: %s; move it away to start a new history"),
  UNWRITABLE("history is no longer kept: cannot write %s: %s; commands typed from now on are lost");

  private final String template;

  HistoryTrouble(String template) {
    this.template = template;
  }

  /** The warning for {@code file}; {@code detail} is the system's reason, if it adds anything. */
  String describe(Path file, String detail) {
    return "warning: " + Untrusted.text(template.formatted(file, detail));
  }
}
