package dev.freshjar.launcher.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the terminal session keeps its command history: {@code $XDG_STATE_HOME/freshjar/history},
 * else {@code ~/.local/state/freshjar/history}. A relative {@code XDG_STATE_HOME} or {@code HOME}
 * is ignored, as the XDG Base Directory Specification says: it would put the history in whatever
 * directory the shell was started from.
 */
final class HistoryFile {
  private HistoryFile() {}

  static Path locate(Map<String, String> env, String userHome) {
    String state = env.get("XDG_STATE_HOME");
    if (absolute(state)) {
      return Path.of(state, "freshjar", "history");
    }
    String home = env.get("HOME");
    return Path.of(absolute(home) ? home : userHome, ".local", "state", "freshjar", "history");
  }

  private static boolean absolute(String path) {
    return path != null && !path.isBlank() && Path.of(path).isAbsolute();
  }
}
