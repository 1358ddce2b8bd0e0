package dev.freshjar.launcher.modules;

import java.nio.file.Path;
import java.util.Set;

/**
 * The last step of a reload (see DESIGN.md, "Loading and reloading"): once the loaders of a retired
 * set are closed, remove the jars nobody uses any more. The shell plugs the cache's garbage
 * collection in here.
 */
@FunctionalInterface
public interface Sweep {
  /** Removes nothing. */
  Sweep NONE = jarsInUse -> {};

  /**
   * Called after old loaders were closed.
   *
   * @param jarsInUse the cached jars that loaders of this process still have open
   */
  void afterClose(Set<Path> jarsInUse);
}
