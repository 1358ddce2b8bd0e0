package dev.freshjar.launcher;

/**
 * Words for a run that ran out of memory or stack, saying how to give the JVM more: the one place
 * these messages are made.
 */
public final class ResourceLimits {
  private ResourceLimits() {}

  /**
   * One line: {@code who} (a rule's qualified name, or "freshjar") ran out of what, and the {@code
   * FRESHJAR_JAVA_OPTS} setting that gives more of it.
   */
  public static String describe(String who, VirtualMachineError error) {
    if (error instanceof StackOverflowError) {
      return who
          + " ran out of stack (StackOverflowError, too deep a recursion); give threads more stack,"
          + " e.g. FRESHJAR_JAVA_OPTS=-Xss64m";
    }
    String detail = error.getMessage() == null ? "" : " (" + error.getMessage() + ")";
    return who
        + " ran out of memory"
        + detail
        + "; give the JVM more, e.g. FRESHJAR_JAVA_OPTS=-Xmx"
        + suggestedHeapGigabytes()
        + "g";
  }

  /** Twice the heap it had, in whole gigabytes. */
  private static long suggestedHeapGigabytes() {
    long max = Runtime.getRuntime().maxMemory();
    return Math.max(1, (2 * max + (1L << 30) - 1) >> 30);
  }
}
