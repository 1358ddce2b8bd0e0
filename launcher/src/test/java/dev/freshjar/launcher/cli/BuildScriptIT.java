package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run of bin/freshjar in a checkout that is not built yet: it builds with Maven, and when
 * that fails shows Maven's real cause. A copy of the script runs against a stand-in {@code mvn} on
 * the PATH that fails the way Maven does, colours included, so no real build is needed.
 */
class BuildScriptIT {
  @TempDir Path checkout;
  @TempDir Path fakeBin;

  @BeforeEach
  void anUnbuiltCheckout() throws IOException {
    Files.createDirectories(checkout.resolve("bin"));
    Path script = checkout.resolve("bin/freshjar");
    Files.copy(Freshjar.home().resolve("bin/freshjar"), script);
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    script.toFile().setExecutable(true);
  }

  void mavenPrints(String output) throws IOException {
    Path mvn = fakeBin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\nprintf '" + output + "'\nexit 1\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Run(int exitCode, String stderr) {}

  Run run() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(checkout.resolve("bin/freshjar").toString(), "rules")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("FRESHJAR_NO_BUILD");
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), stderr);
  }

  @Test
  void aFailedBuildShowsMavensErrorsEvenInColour() throws Exception {
    mavenPrints(
        "[INFO] Scanning for projects...\\n"
            + "\\033[1;31m[ERROR]\\033[m /src/Main.java:[3,1] cannot find symbol\\n"
            + "\\033[1;31m[ERROR]\\033[m Failed to execute goal compile\\n");

    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("[ERROR] /src/Main.java:[3,1] cannot find symbol")
        .contains("[ERROR] Failed to execute goal compile")
        .doesNotContain("\033[")
        .contains("building the launcher failed")
        .contains(checkout.resolve(".build/build.log").toString());
  }

  @Test
  void theFirstBuildSaysRoughlyHowLongItTakes() throws Exception {
    mavenPrints("[ERROR] no network\\n");

    Run run = run();

    assertThat(run.stderr()).containsPattern("building the launcher with Maven .*minute");
  }
}
