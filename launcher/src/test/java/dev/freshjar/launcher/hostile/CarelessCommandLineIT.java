package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a careless user types get an answer that names the value and says what to do: never
 * "unexpected error" with a Java exception's name, never a message about something else.
 */
class CarelessCommandLineIT {
  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).timeout(Duration.ofSeconds(60));
  }

  @Test
  void aJitterTooLongToCountInMillisecondsIsRefusedAsTooLong() {
    Result run = freshjar.run("update", "--jitter", "9999999999999h");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("'9999999999999h' is too long a duration")
        .doesNotContain("unexpected error")
        .doesNotContain("ArithmeticException");
  }

  @Test
  void anEmptyInputIsCalledEmptyNotADirectory() {
    Result run = freshjar.run("wc", "");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).doesNotContain("directory").contains("INPUT is empty");
  }

  @Test
  void anAccessLogThatCannotBeWrittenIsNamedAsTheProblem() {
    Path log = dir.resolve("no-such-dir/access.log");

    Result run = freshjar.run("serve", "--port", "0", "--access-log", log.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("--access-log " + log)
        .doesNotContain("cannot listen")
        .contains("a directory you can write");
  }

  @Test
  void aConfigurationFileThatNeverEndsIsRefusedNotReadUntilMemoryRunsOut() {
    Result run = freshjar.run("--config", "/dev/zero", "update");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("/dev/zero")
        .contains("larger than")
        .doesNotContain("memory")
        .doesNotContain("unexpected error");
  }
}
