package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/freshjar delays the optimising compiler for a short run (a book is counted before most of its
 * compilations would pay off) but not for a run on a large local file, where it pays early (figures
 * in bench/RESULTS.md). The JVM's own flag table shows which it chose.
 */
class JitThresholdsIT {
  static final Pattern THRESHOLD =
      Pattern.compile("Tier4InvocationThreshold\\s+=\\s+(\\d+)", Pattern.MULTILINE);

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .env("FRESHJAR_JAVA_OPTS", "-XX:+PrintFlagsFinal");
  }

  long thresholdFor(Path input) {
    Result run = freshjar.run("wc", input.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Matcher m = THRESHOLD.matcher(run.stdout());
    assertThat(m.find()).as(run.stdout()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aSmallInputDelaysTheOptimisingCompiler() throws IOException {
    Path small = Files.writeString(dir.resolve("small.txt"), "a few words\n");

    assertThat(thresholdFor(small)).isEqualTo(50_000);
  }

  @Test
  void aLargeLocalFileGetsTheJvmsOwnThresholds() throws IOException {
    Path large = dir.resolve("large.txt");
    byte[] line = "many words on a line\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(large)) {
      for (long written = 0; written < 16L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }

    assertThat(thresholdFor(large)).isEqualTo(5_000);
  }
}
