package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A module's own words (its rule's summary, a parameter's summary and default, its column names,
 * its cells) reach the terminal escaped, whatever command prints them: an escape sequence in a jar
 * never sets the terminal's title, clears its screen or reorders what it shows.
 */
class ModuleTextOnTheTerminalIT {
  static final String ESC = "\u001b";
  static final String BEL = "\u0007";
  static final String RIGHT_TO_LEFT_OVERRIDE = "\u202e";

  static final String RULE =
      """
      package fixture.hostile;
      import dev.freshjar.api.*;
      import java.util.List;
      public class LoudRule implements Rule {
        public String name() { return "loud"; }
        public String summary() { return "shouts \\u001b]0;pwned\\u0007\\u001b[2J \\u202eexe.txt"; }
        public List<Parameter> parameters() {
          return List.of(Parameter.text("tone", "how \\u001b[31mred\\u001b[0m", "\\u001b[5mblink"));
        }
        public Table apply(Input input, Arguments arguments) {
          return Table.builder(Column.text("said\\u001b[31m"))
              .row("\\u202egnp.exe")
              .build();
        }
      }
      """;

  static Path jar;

  @TempDir static Path jars;
  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeAll
  static void buildModule() {
    jar =
        ModuleJar.named("loud")
            .version("1.0")
            .rule("fixture.hostile.LoudRule", RULE)
            .writeTo(jars.resolve("loud.jar"));
  }

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).option("--module", "loud=" + jar);
  }

  @ParameterizedTest(name = "freshjar {0}")
  @CsvSource({"help loud", "loud --help", "loud -h"})
  void aRulesHelpShowsItsModulesWordsEscaped(String command) {
    Result run = freshjar.run(command.split(" "));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout())
        .contains("shouts \\u001b]0;pwned\\u0007")
        .contains("how \\u001b[31mred")
        .doesNotContain(ESC, BEL, RIGHT_TO_LEFT_OVERRIDE);
  }

  @ParameterizedTest(name = "shell: {0}")
  @CsvSource({"help", "loud --help"})
  void theShellsHelpShowsThemEscaped(String command) {
    Result run = freshjar.stdin(command + "\n").run("shell");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout())
        .contains("shouts \\u001b")
        .doesNotContain(ESC, BEL, RIGHT_TO_LEFT_OVERRIDE);
  }

  @Test
  void aTextTablesColumnNamesAndCellsAreEscaped() {
    Result run = freshjar.stdin("x").run("loud", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout())
        .contains("said\\u001b[31m")
        .contains("\\u202egnp.exe")
        .doesNotContain(ESC, RIGHT_TO_LEFT_OVERRIDE);
  }
}
