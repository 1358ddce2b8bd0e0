package dev.freshjar.launcher.modules;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;

/**
 * A word after a rule's name looks like an option the rule does not declare (exit 2). Carries the
 * word, so that the command line can tell a global option given after the rule from a typo.
 */
public final class UnknownOption extends CommandFailure {
  private static final long serialVersionUID = 1L;

  private final String word;

  UnknownOption(String word, String message) {
    super(ExitStatus.USAGE, message);
    this.word = word;
  }

  /** The option as typed: {@code --format}, {@code --format=json}. */
  public String word() {
    return word;
  }
}
