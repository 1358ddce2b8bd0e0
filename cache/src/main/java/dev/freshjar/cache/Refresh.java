package dev.freshjar.cache;

import java.util.Optional;

/** What became of one module when its cache entry was brought up to date. */
public sealed interface Refresh permits Refresh.WithJar, Refresh.Unavailable {

  /** The module's name. */
  String module();

  /**
   * The jar to run, when there is one.
   *
   * @return the current jar, or empty when the module is unavailable
   */
  Optional<CachedJar> jar();

  /** A refresh that leaves a jar to run: {@link Fresh}, {@link Fallback} or {@link Pinned}. */
  sealed interface WithJar extends Refresh permits Fresh, Fallback, Pinned {
    /** The jar that runs. */
    CachedJar current();

    @Override
    default String module() {
      return current().module();
    }

    @Override
    default Optional<CachedJar> jar() {
      return Optional.of(current());
    }
  }

  /**
   * The source answered and the cache holds its newest jar.
   *
   * @param current the jar now current
   * @param previous the jar that was current before, when this refresh replaced it
   * @param repaired whether the cache's copy of {@code current} was damaged, and this refresh
   *     replaced it with the source's verified bytes
   */
  record Fresh(CachedJar current, Optional<CachedJar> previous, boolean repaired)
      implements Refresh.WithJar {
    /** A refresh that repaired nothing. */
    public Fresh(CachedJar current, Optional<CachedJar> previous) {
      this(current, previous, false);
    }

    /** Whether this refresh installed a different jar than was current before. */
    public boolean changed() {
      return previous.map(p -> !p.sha256().equals(current.sha256())).orElse(true);
    }

    /**
     * The version that was current before, when this refresh made another one current whose jar has
     * the same bytes: a Maven release re-published unchanged under a new version. Nothing is
     * reloaded, but the version the module runs as has changed.
     */
    public Optional<CachedJar> sameBytesAs() {
      return previous.filter(
          p ->
              p.sha256().equals(current.sha256())
                  && !p.displayVersion().equals(current.displayVersion()));
    }
  }

  /**
   * The source could not be used (or was not asked, offline), or the current jar is damaged; a
   * cached jar runs instead.
   *
   * @param current the cached jar that runs
   * @param reason why, for a person: "HTTP 503 from https://...", ...
   * @param cause why, as a type
   */
  record Fallback(CachedJar current, String reason, Cause cause) implements Refresh.WithJar {}

  /**
   * The user pinned the module ({@code modules pin}, {@code modules rollback}): it stays at this
   * jar, and its source was not asked.
   *
   * @param current the pinned jar
   */
  record Pinned(CachedJar current) implements Refresh.WithJar {}

  /**
   * There is no jar to run: never fetched, and the source could not be used; or no cached jar
   * verifies or is trusted.
   *
   * @param module the module's name
   * @param reason why, for a person
   * @param cause why, as a type
   */
  record Unavailable(String module, String reason, Cause cause) implements Refresh {
    @Override
    public Optional<CachedJar> jar() {
      return Optional.empty();
    }
  }
}
