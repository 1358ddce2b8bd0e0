package dev.freshjar.cache.trust;

/**
 * A signature file is malformed, or does not verify with the key a module trusts. The message says
 * what is wrong for a person; the caller adds which URL it came from.
 */
public final class BadSignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadSignatureException(String reason) {
    super(reason);
  }
}
