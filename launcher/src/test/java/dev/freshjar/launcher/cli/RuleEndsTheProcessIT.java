package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule that ends the process, or runs out of memory or stack: the user learns which rule did it,
 * in a line or two, and the exit status says it failed.
 */
class RuleEndsTheProcessIT {
  @TempDir Path cache;
  Freshjar freshjar;

  @BeforeEach
  void configureTheMisbehavingModule() {
    Path jar =
        ModuleJar.named("rogue")
            .rule("rogue.Exits", rule("Exits", "exits", "System.exit(0); return null;"))
            .rule("rogue.Recurses", rule("Recurses", "recurses", "return apply(input, arguments);"))
            .rule(
                "rogue.Hoards",
                rule(
                    "Hoards",
                    "hoards",
                    "java.util.List<long[]> all = new java.util.ArrayList<>();"
                        + " while (true) { all.add(new long[1 << 20]); }"))
            .writeTo(cache.resolve("rogue.jar"));
    freshjar =
        Freshjar.withCache(cache)
            .env("FRESHJAR_JAVA_OPTS", "-Xmx96m")
            .option("--module", "rogue=" + jar.toUri());
  }

  @Test
  void aRuleThatCallsSystemExitIsNamedAndTheRunFails() {
    Result run = freshjar.run("exits", Fixtures.mobyDick().toString());

    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    assertThat(run.stderr()).as(run.toString()).contains("rogue:exits").contains("System.exit");
  }

  @Test
  void aPipedShellSaysThatTheCommandsAfterAnExitDidNotRun() {
    Result run = freshjar.stdin("exits " + Fixtures.mobyDick() + "\nrules\n").run("shell");

    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    assertThat(run.stdout()).as(run.toString()).doesNotContain("rogue:exits");
    assertThat(run.stderr())
        .as(run.toString())
        .contains("rogue:exits")
        .contains("System.exit")
        .contains("did not run");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"recurses, -Xss", "hoards, -Xmx"})
  void aRuleThatRunsOutOfStackOrMemorySaysSoInOneLine(String rule, String option) {
    Result run = freshjar.run(rule, Fixtures.mobyDick().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr().lines()).as(run.toString()).hasSize(1);
    assertThat(run.stderr())
        .as(run.toString())
        .contains("rogue:" + rule)
        .contains("FRESHJAR_JAVA_OPTS=" + option);
  }

  private static String rule(String className, String name, String body) {
    return """
        package rogue;
        import dev.freshjar.api.*;
        public class %s implements Rule {
          public String name() { return "%s"; }
          public String summary() { return "misbehaves"; }
          public Table apply(Input input, Arguments arguments) {
            %s
          }
        }
        """
        .formatted(className, name, body);
  }
}
