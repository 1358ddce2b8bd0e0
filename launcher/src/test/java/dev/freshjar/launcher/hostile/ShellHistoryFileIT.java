package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ShellProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shell's history file ({@code $XDG_STATE_HOME/freshjar/history}) as a careless user or a
 * broken disk leaves it: whatever it is, the session opens, says once that the history is not kept
 * and why, runs its commands, and leaves the file as it found it.
 */
class ShellHistoryFileIT {
  private static final String PROMPT = "freshjar> ";

  @org.junit.jupiter.api.io.TempDir Path cache;
  @org.junit.jupiter.api.io.TempDir Path work;
  Path state;
  Path history;
  Freshjar freshjar;

  @BeforeEach
  void setUp() throws IOException {
    state = work.resolve("state");
    history = state.resolve("freshjar/history");
    Files.createDirectories(history.getParent());
    Files.writeString(work.resolve("doc.txt"), "b a b\n");
    freshjar =
        Freshjar.withCache(cache)
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .workDir(work)
            .env("XDG_STATE_HOME", state.toString())
            .env("TERM", "xterm");
  }

  /** What a history file can be other than freshjar's own. */
  enum Broken {
    A_DIRECTORY("is not a regular file") {
      @Override
      void make(Path history) throws IOException {
        Files.createDirectory(history);
      }
    },
    NOT_UTF8("is not UTF-8 text") {
      @Override
      void make(Path history) throws IOException {
        Files.write(history, "1700000000000:wc caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
      }
    },
    ANOTHER_PROGRAMS_FORMAT("is not a history file of freshjar's") {
      @Override
      void make(Path history) throws IOException {
        Files.writeString(history, "wc doc.txt\nquit\n");
      }
    },
    ENDLESS_DEVICE("is not a regular file") {
      @Override
      void make(Path history) throws IOException {
        Files.createSymbolicLink(history, Path.of("/dev/zero"));
      }
    };

    final String why;

    Broken(String why) {
      this.why = why;
    }

    abstract void make(Path history) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Broken.class)
  void aHistoryFileThatCannotBeReadIsLeftAloneAndTheSessionRuns(Broken broken) throws IOException {
    broken.make(history);
    String before =
        Files.isRegularFile(history)
            ? Files.readString(history, StandardCharsets.ISO_8859_1)
            : null;

    try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
      String opening = shell.awaitOut(PROMPT);
      shell.send("wc doc.txt");
      String result = shell.awaitOut("bytes");
      shell.awaitOut(PROMPT);
      shell.send("quit");

      assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      assertThat(opening)
          .as(shell.toString())
          .contains("warning: history is not kept: " + history + " " + broken.why)
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(result).doesNotContain("warning");
      assertThat(shell.stdout()).doesNotContain("unexpected error").doesNotContain("\tat ");
    }
    if (before != null) {
      assertThat(Files.readString(history, StandardCharsets.ISO_8859_1)).isEqualTo(before);
    }
  }

  @Test
  void aHistoryThatCanNoLongerBeWrittenIsReportedOnceAndTheSessionGoesOn() throws IOException {
    try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
      shell.awaitOut(PROMPT);
      shell.send("wc doc.txt");
      shell.awaitOut("bytes");
      shell.awaitOut(PROMPT);
      // The disk goes away under the session: its directory is now a file.
      try (var files = Files.list(history.getParent())) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(history.getParent());
      Files.writeString(history.getParent(), "in the way");
      shell.send("set n 2");
      shell.awaitOut(PROMPT);
      shell.send("wc doc.txt");
      shell.awaitOut("bytes");
      shell.awaitOut(PROMPT);
      shell.send("quit");

      assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      String all = shell.stdout();
      assertThat(all).as(shell.toString()).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(all.split("history is no longer kept", -1)).as("one warning\n" + shell).hasSize(2);
      assertThat(all).contains("n is now 2");
    }
  }
}
