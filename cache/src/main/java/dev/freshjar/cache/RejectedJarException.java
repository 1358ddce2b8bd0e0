package dev.freshjar.cache;

/** A downloaded jar failed verification; its message says why, for a person. */
public final class RejectedJarException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean hung;

  public RejectedJarException(String reason) {
    this(reason, false);
  }

  /**
   * @param hung whether the jar's code did not finish loading within the check's bound
   */
  public RejectedJarException(String reason, boolean hung) {
    super(reason);
    this.hung = hung;
  }

  /** Whether the jar's code did not finish loading within the check's bound. */
  public boolean hung() {
    return hung;
  }
}
