package dev.freshjar.cache;

/**
 * A version {@code cache gc} took out of a module's history because its jar can never run again: a
 * rollback and a fallback refuse it, and its source serves another version by now.
 *
 * @param version the version, as its record named it
 * @param damage what became of its jar
 */
public record LostVersion(CachedJar version, Damage damage) {
  /** What became of a version's jar. */
  public enum Damage {
    /** No longer in {@code objects/}. */
    MISSING,
    /** Its bytes no longer hash to its name. */
    DAMAGED
  }
}
