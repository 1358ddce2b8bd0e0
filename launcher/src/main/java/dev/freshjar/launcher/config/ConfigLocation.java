package dev.freshjar.launcher.config;

import dev.freshjar.cache.ModuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the modules configuration is: {@code --config FILE}, else {@code FRESHJAR_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/freshjar/modules.conf}, else {@code ~/.config/freshjar/modules.conf}.
 *
 * @param file the file
 * @param namedBy what named it, for messages: "--config", "FRESHJAR_CONFIG", or "default"
 * @param required whether a missing file is an error (named explicitly) or means "no modules"
 */
public record ConfigLocation(Path file, String namedBy, boolean required) {
  static final String FILE_NAME = "modules.conf";

  public static ConfigLocation resolve(Path flag, Map<String, String> env, String userHome) {
    if (flag != null) {
      return new ConfigLocation(flag, "--config", true);
    }
    String explicit = env.get("FRESHJAR_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return new ConfigLocation(Path.of(explicit), "FRESHJAR_CONFIG", true);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return new ConfigLocation(Path.of(xdg, "freshjar", FILE_NAME), "default", false);
    }
    return new ConfigLocation(
        Path.of(userHome, ".config", "freshjar", FILE_NAME), "default", false);
  }

  /**
   * The modules the file configures; none when it is the default location and does not exist.
   *
   * @throws ConfigException for a file named explicitly that does not exist, or a bad file
   */
  public List<ModuleSource> modules() throws ConfigException {
    if (!Files.exists(file)) {
      if (!required) {
        return List.of();
      }
      throw new ConfigException(
          file,
          0,
          "no such file (named by "
              + namedBy
              + "); create it, or name an existing configuration file");
    }
    return ConfigFile.read(file);
  }
}
