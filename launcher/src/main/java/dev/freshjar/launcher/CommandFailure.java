package dev.freshjar.launcher;

/**
 * A command could not do what was asked. Its message is shown to the user as is, so it says what
 * went wrong and, where there is one, what to do about it; its status becomes the exit status.
 */
public class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitStatus status;

  public CommandFailure(ExitStatus status, String message) {
    super(message);
    this.status = status;
  }

  public CommandFailure(ExitStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ExitStatus status() {
    return status;
  }

  /** The command line was wrong (exit 2). */
  public static CommandFailure usage(String message) {
    return new CommandFailure(ExitStatus.USAGE, message);
  }

  /** A needed module is unavailable (exit 3). */
  public static CommandFailure unavailable(String message) {
    return new CommandFailure(ExitStatus.MODULE_UNAVAILABLE, message);
  }

  /** The rule or its input failed (exit 1). */
  public static CommandFailure ruleFailed(String message, Throwable cause) {
    return new CommandFailure(ExitStatus.RULE_FAILED, message, cause);
  }
}
