package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Standard output that cannot be written (a full disk, played by {@code /dev/full}) is a failure
 * the user is told about, like GNU {@code wc}'s "write error"; a reader that went away (a closed
 * pipe) is not.
 */
class WriteErrorIT {
  @TempDir Path cache;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(cache).stdin("H " + Fixtures.mobyDick() + "\nrules\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"histogram", "top", "wc", "rules", "modules", "shell"})
  void aFullDiskIsAWriteErrorWithExitOne(String command) {
    Result run =
        freshjar
            .wrappedIn("bash", "-c", "\"$@\" > /dev/full", "bash")
            .run(
                command.equals("shell") || command.startsWith("r") || command.startsWith("m")
                    ? new String[] {command}
                    : new String[] {command, Fixtures.mobyDick().toString()});

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).as(run.toString()).contains("write error: No space left on device");
  }

  @Test
  void aReaderThatStopsReadingIsNoError() {
    Result run =
        freshjar
            .wrappedIn(
                "bash", "-c", "\"$@\" | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", "bash")
            .run("histogram", Fixtures.mobyDick().toString());

    assertThat(run.stderr()).as(run.toString()).isEmpty();
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }
}
