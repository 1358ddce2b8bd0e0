package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help and tables laid out for the terminal they are shown on, through the real bin/freshjar. */
class TerminalWidthIT {
  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void aModuleWithALongSourceUrl() throws Exception {
    Path deep =
        Files.createDirectories(
            dir.resolve("a-rather-long-directory/of-module-jars/published/here"));
    Path jar =
        Files.copy(dev.freshjar.launcher.fixtures.Fixtures.textUtilsJar(), deep.resolve("t.jar"));
    freshjar = Freshjar.withCache(dir.resolve("cache")).option("--module", "text=" + jar);
  }

  /** What a terminal {@code columns} wide shows, line by line. */
  String onTerminal(int columns, String... args) throws Exception {
    Process process = freshjar.startOnTerminal(columns, args);
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.replace("\r\n", "\n");
  }

  /** The text a person reads: colour codes take no room on the screen. */
  static String visible(String shown) {
    return shown.replaceAll("\u001B\\[[0-9;]*m", "");
  }

  @Test
  void helpOnANarrowTerminalFitsAndKeepsEveryPathWhole() throws Exception {
    String help = visible(onTerminal(80, "--help"));

    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(help)
        .contains("~/.cache/freshjar.")
        .contains("$XDG_CACHE_HOME/freshjar,")
        .contains("$XDG_CONFIG_HOME/freshjar/modules.conf,")
        .contains("~/.config/freshjar/modules.conf.");
  }

  @Test
  void helpOnAWideTerminalUsesItsWidth() throws Exception {
    String help = visible(onTerminal(150, "--help"));

    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(150));
    assertThat(help.lines()).anySatisfy(line -> assertThat(line.length()).isGreaterThan(80));
  }

  @Test
  void helpOnATerminalIsColouredUnlessNoColorIsSet() throws Exception {
    assertThat(onTerminal(100, "--help")).contains("\u001B[");

    freshjar.env("NO_COLOR", "1");
    assertThat(onTerminal(100, "--help")).doesNotContain("\u001B[");
  }

  @Test
  void tableRowsFitTheTerminalWrappingTheirLongCells() throws Exception {
    String rules = visible(onTerminal(100, "rules"));

    assertThat(rules.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    // Nothing is cut off: the source column's pieces, read down, are the whole URL.
    int source = rules.lines().findFirst().orElseThrow().indexOf("source");
    String column =
        rules
            .lines()
            .skip(1)
            .map(line -> line.length() > source ? line.substring(source).strip() : "")
            .reduce("", String::concat);
    assertThat(column).contains("a-rather-long-directory/of-module-jars/published/here/t.jar");
  }

  @Test
  void throughAPipeEveryRowStaysOneLineForScripts() {
    Result run = freshjar.run("rules");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout().lines()).hasSize(4);
    assertThat(run.stdout().lines().skip(1))
        .allSatisfy(line -> assertThat(line).contains("a-rather-long-directory/of-module-jars"));
  }
}
