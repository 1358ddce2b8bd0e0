package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script for {@code freshjar shell} as editors and other systems save it: with a byte order mark
 * and CRLF line ends (Windows), or with a line in another encoding than UTF-8.
 */
class ShellPipedScriptEncodingIT {
  @TempDir Path cache;
  @TempDir Path work;
  Freshjar freshjar;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(work.resolve("doc.txt"), "b a b\n");
    freshjar =
        Freshjar.withCache(cache)
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .workDir(work);
  }

  @Test
  void aScriptSavedWithAByteOrderMarkAndCrlfRunsAsIfItHadNeither() {
    Freshjar.Result result =
        freshjar.stdin("\uFEFF# counted on Windows\r\nwc doc.txt\r\n").run("shell");

    assertThat(result.stderr()).as(result.toString()).isEmpty();
    assertThat(result.stdout()).contains("bytes").containsPattern("1\\s+3\\s+6\\s+6");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aLineNotInUtf8IsReportedByNumberNotGuessedAtAndTheScriptGoesOn() throws IOException {
    ByteArrayOutputStream script = new ByteArrayOutputStream();
    script.write("wc doc.txt\n".getBytes(StandardCharsets.UTF_8));
    script.write("wc caf\u00e9.txt\n".getBytes(StandardCharsets.ISO_8859_1));
    script.write("wc doc.txt\n".getBytes(StandardCharsets.UTF_8));

    Freshjar.Result result = freshjar.stdin(script.toByteArray()).run("shell");

    assertThat(result.stderr())
        .as(result.toString())
        .contains("error: line 2: the line is not UTF-8 text")
        .doesNotContain("\uFFFD")
        .doesNotContain("no such file");
    assertThat(result.stdout().split("bytes", -1)).hasSize(3);
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
