package dev.freshjar.launcher.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T02:15:00.123456Z"), ZoneOffset.UTC);
  static final long PID = ProcessHandle.current().pid();

  @TempDir Path dir;
  ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @Test
  void writesOneLinePerEventWithUtcMillisecondTimeLevelAndProcessId() throws Exception {
    Path file = dir.resolve("freshjar.log");

    try (RunLog log = RunLog.open(file, err, CLOCK)) {
      log.info("text: unchanged, 0.1.0/abc");
      log.warn("acme: failed: HTTP 503\nsecond line");
      log.error("beta: unavailable");
    }

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "2026-03-01T02:15:00.123Z INFO [" + PID + "] text: unchanged, 0.1.0/abc",
            "2026-03-01T02:15:00.123Z WARN [" + PID + "] acme: failed: HTTP 503 second line",
            "2026-03-01T02:15:00.123Z ERROR [" + PID + "] beta: unavailable");
  }

  @Test
  void appendsToWhatIsThereAndCreatesMissingDirectories() throws Exception {
    Path file = dir.resolve("var/log/freshjar/update.log");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "earlier\n");

    try (RunLog log = RunLog.open(file, err, CLOCK)) {
      log.info("later");
    }

    assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("earlier");
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void linesOfConcurrentWritersNeverMix() throws Exception {
    Path file = dir.resolve("shared.log");
    String payload = "x".repeat(300);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                // A log of its own per writer, as separate processes have.
                try (RunLog log = RunLog.open(file, err, Clock.systemUTC())) {
                  IntStream.range(0, 200).forEach(i -> log.info(writer + " " + i + " " + payload));
                }
              },
              runnable -> new Thread(runnable).start()));
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(8 * 200);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l).matches(".* INFO \\[\\d+\\] [0-7] \\d+ x{300}"));
  }

  @Test
  void thatCannotBeOpenedSaysWhyOnceWritesNothingAndHasFailed() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "");

    boolean failed;
    try (RunLog log = RunLog.open(notADirectory.resolve("x.log"), err, CLOCK)) {
      log.info("lost");
      log.warn("lost too");
      failed = log.failed();
    }

    assertThat(failed).isTrue();
    String warnings = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(warnings.lines())
        .singleElement()
        .asString()
        .startsWith(
            "freshjar: cannot write the log file "
                + notADirectory.resolve("x.log")
                + " ("
                + notADirectory
                + " is in the way: it is not a directory)")
        .doesNotContain("Exception")
        .endsWith("Give --log-file a file in a directory you can write");
  }
}
