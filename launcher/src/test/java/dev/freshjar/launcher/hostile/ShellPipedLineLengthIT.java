package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script piped into {@code freshjar shell} with a line far longer than any command (a data file
 * given as the script by mistake, a runaway generator): the shell reads it in bounded memory,
 * reports the line by its number, and goes on with the next.
 */
class ShellPipedLineLengthIT {
  @TempDir Path cache;
  @TempDir Path work;

  @Test
  void aLineLongerThanAnyCommandIsReportedByNumberAndTheScriptGoesOn() throws IOException {
    Files.writeString(work.resolve("doc.txt"), "b a b\n");
    // 64 million characters on one line, to a shell given a 48 MB heap: reading it whole would
    // need 128 MB of chars at the least.
    String script = "wc doc.txt\n" + "x".repeat(64 << 20) + "\nwc doc.txt\n";

    Freshjar.Result result =
        Freshjar.withCache(cache)
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .workDir(work)
            .env("FRESHJAR_JAVA_OPTS", "-Xmx48m")
            .stdin(script)
            .run("shell");

    assertThat(result.stderr())
        .as(result.toString())
        .contains("error: line 2: the line is longer than")
        .doesNotContain("out of memory")
        .doesNotContain("xxxxxxxxxx");
    assertThat(result.stdout().split("bytes", -1)).as(result.toString()).hasSize(3);
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
