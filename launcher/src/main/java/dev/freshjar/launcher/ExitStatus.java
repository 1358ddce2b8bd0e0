package dev.freshjar.launcher;

/** The process exit statuses of freshjar, as documented in the README. */
public enum ExitStatus {
  /** Success. */
  OK(0),
  /** The rule or its input failed. */
  RULE_FAILED(1),
  /** The command line (or configuration) was wrong. */
  USAGE(2),
  /** A module that the command needs is unavailable. */
  MODULE_UNAVAILABLE(3);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
