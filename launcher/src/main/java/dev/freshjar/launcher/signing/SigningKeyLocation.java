package dev.freshjar.launcher.signing;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an author's signing key is kept unless a command is told otherwise: {@code
 * $XDG_CONFIG_HOME/freshjar/signing.key}, else {@code ~/.config/freshjar/signing.key}. Out of any
 * project's directory, so that it is not committed or packaged by mistake.
 */
public final class SigningKeyLocation {
  private SigningKeyLocation() {}

  public static Path resolve(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
    return config.resolve("freshjar").resolve("signing.key");
  }
}
