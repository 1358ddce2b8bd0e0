package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A caller that closes a standard stream ({@code <&-}, {@code >&-}, as a careless crontab or daemon
 * wrapper does) gets an error, never the first file the JVM happened to open in its place: before,
 * {@code freshjar wc - <&-} counted the JDK's own {@code lib/modules} and exited 0.
 */
class ClosedStandardStreamsIT {
  @TempDir Path dir;

  /** freshjar run by a shell that closed {@code fd} (0 or 1) first. */
  Freshjar closing(int fd) {
    String redirect = fd == 0 ? "<&-" : ">&-";
    return Freshjar.withCache(dir.resolve("cache"))
        .wrappedIn("bash", "-c", "exec \"$@\" " + redirect, "closed-" + fd);
  }

  @ParameterizedTest(name = "freshjar wc {0} <&-")
  @ValueSource(strings = {"-", "/dev/stdin"})
  void aClosedStandardInputIsAnErrorNotSomeOtherFile(String input) {
    Result run = closing(0).run("wc", input);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).as(run.toString()).isEmpty();
    assertThat(run.stderr()).contains("standard input is closed");
  }

  @Test
  void aShellWithAClosedStandardInputSaysItCannotReadCommands() {
    Result run = closing(0).run("shell");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("cannot read commands from standard input")
        .doesNotContain("unexpected error");
  }

  @Test
  void aClosedStandardInputDoesNotMatterWhenTheInputIsAFile() {
    Result run = closing(0).run("--format", "tsv", "wc", Fixtures.mobyDick().toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).startsWith("lines\twords\tchars\tbytes\n");
  }

  @Test
  void aClosedStandardOutputIsAWriteError() {
    Result run = closing(1).run("wc", Fixtures.mobyDick().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("write error");
  }
}
