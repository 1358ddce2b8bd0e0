package dev.freshjar.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocationTest {
  static final String HOME = "/home/ann";
  static final Map<String, String> ALL_SET =
      Map.of("FRESHJAR_CONFIG", "/env/modules.conf", "XDG_CONFIG_HOME", "/xdg");

  @Nested
  class LookupOrder {
    @Test
    void theConfigFlagComesFirst() {
      assertThat(ConfigLocation.resolve(Path.of("flag.conf"), ALL_SET, HOME))
          .isEqualTo(new ConfigLocation(Path.of("flag.conf"), "--config", true));
    }

    @Test
    void thenTheFreshjarConfigVariable() {
      assertThat(ConfigLocation.resolve(null, ALL_SET, HOME))
          .isEqualTo(new ConfigLocation(Path.of("/env/modules.conf"), "FRESHJAR_CONFIG", true));
    }

    @Test
    void thenModulesConfUnderXdgConfigHome() {
      assertThat(ConfigLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), HOME))
          .isEqualTo(new ConfigLocation(Path.of("/xdg/freshjar/modules.conf"), "default", false));
    }

    @Test
    void thenModulesConfUnderDotConfigInTheHomeDirectory() {
      assertThat(ConfigLocation.resolve(null, Map.of(), HOME))
          .isEqualTo(
              new ConfigLocation(
                  Path.of("/home/ann/.config/freshjar/modules.conf"), "default", false));
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
      assertThat(
              ConfigLocation.resolve(
                  null, Map.of("FRESHJAR_CONFIG", "", "XDG_CONFIG_HOME", " "), HOME))
          .isEqualTo(
              new ConfigLocation(
                  Path.of("/home/ann/.config/freshjar/modules.conf"), "default", false));
    }
  }

  @Nested
  class Reading {
    @TempDir Path dir;

    @Test
    void aFileAtTheDefaultLocationIsRead() throws Exception {
      Path file = Files.createDirectories(dir.resolve("freshjar")).resolve("modules.conf");
      Files.writeString(file, "[module acme]\nurl = https://a.example/r.jar\n");

      ConfigLocation location =
          ConfigLocation.resolve(null, Map.of("XDG_CONFIG_HOME", dir.toString()), HOME);

      assertThat(location.modules()).extracting(m -> m.name()).containsExactly("acme");
    }

    @Test
    void aMissingFileAtTheDefaultLocationMeansNoModules() throws Exception {
      ConfigLocation location =
          ConfigLocation.resolve(null, Map.of("XDG_CONFIG_HOME", dir.toString()), HOME);

      assertThat(location.modules()).isEmpty();
    }

    @Test
    void aMissingFileNamedByTheConfigFlagIsAnError() {
      Path missing = dir.resolve("missing.conf");

      assertThatThrownBy(() -> ConfigLocation.resolve(missing, Map.of(), HOME).modules())
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              missing
                  + ": no such file (named by --config); create it, or name an existing"
                  + " configuration file");
    }

    @Test
    void aMissingFileNamedByFreshjarConfigIsAnError() {
      Path missing = dir.resolve("missing.conf");

      assertThatThrownBy(
              () ->
                  ConfigLocation.resolve(null, Map.of("FRESHJAR_CONFIG", missing.toString()), HOME)
                      .modules())
          .hasMessage(
              missing
                  + ": no such file (named by FRESHJAR_CONFIG); create it, or name an existing"
                  + " configuration file");
    }
  }
}
