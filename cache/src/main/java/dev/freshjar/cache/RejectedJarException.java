package dev.freshjar.cache;

/** A downloaded jar failed verification; its message says why, for a person. */
public final class RejectedJarException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedJarException(String reason) {
    super(reason);
  }
}
