package dev.freshjar.launcher.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cache lives: {@code --cache-dir}, else {@code FRESHJAR_CACHE}, else {@code
 * $XDG_CACHE_HOME/freshjar}, else {@code ~/.cache/freshjar}.
 */
final class CacheLocation {
  private CacheLocation() {}

  static Path resolve(Path flag, Map<String, String> env, String userHome) {
    if (flag != null) {
      return flag;
    }
    String explicit = env.get("FRESHJAR_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "freshjar");
    }
    return Path.of(userHome, ".cache", "freshjar");
  }
}
