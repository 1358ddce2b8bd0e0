package dev.freshjar.launcher.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the terminal session keeps its command history: {@code $XDG_STATE_HOME/freshjar/history},
 * else {@code ~/.local/state/freshjar/history}.
 */
final class HistoryFile {
  private HistoryFile() {}

  static Path locate(Map<String, String> env, String userHome) {
    String state = env.get("XDG_STATE_HOME");
    if (state != null && !state.isBlank()) {
      return Path.of(state, "freshjar", "history");
    }
    String home = env.getOrDefault("HOME", userHome);
    return Path.of(
        home == null || home.isBlank() ? userHome : home, ".local", "state", "freshjar", "history");
  }
}
