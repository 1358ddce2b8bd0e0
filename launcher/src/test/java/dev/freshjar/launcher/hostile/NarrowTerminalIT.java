package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ShellProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A terminal narrower than picocli's least help width (55 columns: a split pane, a phone's SSH
 * client), or a {@code COLUMNS} that says so: every command still runs, and help is laid out at the
 * least width picocli takes, wrapping on the terminal.
 */
class NarrowTerminalIT {
  private static final String PROMPT = "freshjar> ";

  @TempDir Path cache;
  @TempDir Path work;
  Freshjar freshjar;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(work.resolve("doc.txt"), "b a b\n");
    freshjar =
        Freshjar.withCache(cache)
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .workDir(work)
            .env("XDG_STATE_HOME", work.resolve("state").toString())
            .env("TERM", "xterm");
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 54})
  void theShellRunsOnATerminalNarrowerThanHelpsLeastWidth(int columns) {
    try (ShellProcess shell = ShellProcess.onTerminal(freshjar, columns)) {
      shell.awaitOut(PROMPT);
      shell.send("top 2 doc.txt");
      assertThat(shell.awaitOut(PROMPT)).contains("b").contains("2");
      shell.send("top --help");
      assertThat(shell.awaitOut(PROMPT)).contains("Usage:");
      shell.send("quit");

      assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      assertThat(shell.stdout()).doesNotContain("unexpected error");
    }
  }

  @Test
  void aNarrowColumnsInTheEnvironmentBreaksNoCommand() {
    Freshjar.Result rules = freshjar.env("COLUMNS", "40").run("rules");

    assertThat(rules.exitCode()).as(rules.toString()).isZero();
    assertThat(rules.stdout()).contains("wc");
    assertThat(rules.stderr()).doesNotContain("unexpected error");
  }
}
