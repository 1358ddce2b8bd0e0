package dev.freshjar.cache;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The local store of module jars (layout in DESIGN.md): content-addressed jars under {@code
 * objects/}, one record per module under {@code modules/}, downloads in progress under {@code
 * tmp/}. Safe to use from several threads and several processes at once.
 */
public final class ModuleCache {
  private final Path root;

  private ModuleCache(Path root) {
    this.root = root;
  }

  /**
   * Opens (creating if needed) the cache at {@code root}.
   *
   * @throws CacheException when the directory cannot be created or read
   */
  public static ModuleCache open(Path root) {
    return new ModuleCache(root);
  }

  /** The cache's directory. */
  public Path root() {
    return root;
  }

  /**
   * Brings the module up to date from its source: a conditional GET (or a plain one when {@code
   * force}), a bounded download, verification with {@code check}, an atomic promotion. Never throws
   * for a network or content problem: those become a {@link Refresh.Fallback} or {@link
   * Refresh.Unavailable} with the reason.
   */
  public Refresh refresh(ModuleSource source, JarCheck check, boolean force) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * What the cache holds for the module without asking its source: a fallback with the reason
   * "offline", or unavailable.
   */
  public Refresh offline(String module) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The module's current jar, if it was ever fetched. */
  public Optional<CachedJar> current(String module) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
