package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CacheException;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.launcher.modules.Sweep;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintStream;

/** The sweep of a long-running session (the shell, the server) after old loaders close. */
final class CacheSweep {
  private CacheSweep() {}

  /**
   * The cache's garbage collection with its default bound: the current and pinned jars and the
   * newest versions stay, so the jars a session runs are never removed; a failure is told, and the
   * session goes on.
   */
  static Sweep of(ModuleCache cache, PrintStream err) {
    return jarsInUse -> {
      try {
        cache.gc(CacheCommand.DEFAULT_KEEP);
      } catch (CacheException e) {
        err.println(
            "freshjar: warning: cleaning the cache after a reload: "
                + Untrusted.text(e.getMessage()));
      }
    };
  }
}
