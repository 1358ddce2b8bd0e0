package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSV is data: through a pipe it is byte for byte what the reference prints, control characters of
 * the text included. On a terminal those characters would act on the terminal (an escape sequence
 * clears it, retitles it, hides what follows), so there they are shown escaped.
 */
class TsvOnATerminalIT {
  static final String HOSTILE = "plain \u001b[2Jcleared \u001b]0;title\u0007 \u202egnp.exe\n";

  @TempDir Path dir;
  Freshjar freshjar;
  Path text;

  @BeforeEach
  void setUp() throws Exception {
    text = Files.writeString(dir.resolve("hostile.txt"), HOSTILE);
    freshjar =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .option("--format", "tsv");
  }

  @Test
  void throughAPipeTheTextsControlCharactersStayAsTheyAre() {
    Result run = freshjar.run("histogram", text.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("\u001b[2Jcleared\t1\n", "\u202egnp.exe\t1\n");
  }

  @Test
  void onATerminalTheyAreShownEscaped() throws Exception {
    Process process = freshjar.startOnTerminal(120, "histogram", text.toString());
    process.getOutputStream().close();
    String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(shown).isZero();
    assertThat(shown)
        .contains("\\u001b[2Jcleared\t1", "\\u202egnp.exe\t1")
        .doesNotContain("\u001b", "\u0007", "\u202e");
  }
}
