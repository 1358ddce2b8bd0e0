package dev.freshjar.launcher;

/** The process exit statuses of freshjar, as documented in the README. */
public enum ExitStatus {
  /** Success. */
  OK(0, "success"),
  /** The rule or its input failed, or a cache command could not change the cache. */
  RULE_FAILED(1, "failed"),
  /** The command line (or configuration) was wrong. */
  USAGE(2, "usage error"),
  /** A module that the command needs is unavailable. */
  MODULE_UNAVAILABLE(3, "a needed module is unavailable"),
  /**
   * Some modules are not on their source's newest version: they fell back to their cached one.
   * {@code update} says so always, other commands with {@code --strict}.
   */
  FELL_BACK(4, "some modules fell back to their cached version"),
  /** {@code cache verify} found a damaged or missing jar, or a corrupt record. */
  CACHE_DAMAGED(5, "the cache has damaged or missing files");

  private final int code;
  private final String meaning;

  ExitStatus(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** A few words for logs: "success", "a needed module is unavailable", ... */
  public String meaning() {
    return meaning;
  }
}
