package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ~} in the docs is the user's {@code $HOME}, as for every other Unix tool: a run with
 * {@code HOME} set elsewhere (a container, a CI job, {@code sudo -H}) reads and writes there, not
 * in the home directory the password database names.
 */
class HomeDirectoryIT {
  @TempDir Path home;
  @TempDir Path cache;

  @Test
  void theDefaultConfigurationIsReadFromHome() throws IOException {
    Path jar =
        ModuleJar.answering("homely", "homely", "from-home").writeTo(home.resolve("homely.jar"));
    Path config = Files.createDirectories(home.resolve(".config/freshjar"));
    Files.writeString(config.resolve("modules.conf"), "[module homely]\nurl = " + jar + "\n");

    Result run =
        Freshjar.withCache(cache)
            .env("HOME", home.toString())
            .env("XDG_CONFIG_HOME", "")
            .run("--format", "tsv", "homely", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nfrom-home\n");
  }
}
