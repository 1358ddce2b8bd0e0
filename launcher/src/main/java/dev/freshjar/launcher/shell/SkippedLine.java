package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;

/**
 * A line of input that cannot be a command and was skipped: the session reports it with its line
 * number and reads on, unlike a failure to read at all, which ends the session.
 */
final class SkippedLine extends CommandFailure {
  private static final long serialVersionUID = 1L;

  SkippedLine(String message) {
    super(ExitStatus.USAGE, message);
  }
}
