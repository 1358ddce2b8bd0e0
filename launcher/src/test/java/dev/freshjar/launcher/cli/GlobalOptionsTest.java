package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The options before a rule or command, as {@link Cli} parses them by hand, run in process. What
 * they do to a run is covered end to end by the *IT tests through bin/freshjar.
 */
class GlobalOptionsTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Cli.run(
            args,
            InputStream.nullInputStream(),
            new PrintWriter(out),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    return new Run(status, out.toString(), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsFreshjarsAndTheModuleApisVersion() {
    Run run = run("--version");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("freshjar ").contains("\nmodule-api ");
  }

  @Test
  void helpListsEveryGlobalOptionAndEveryBuiltInCommand() {
    Run run = run("-h");

    assertThat(run.status()).isZero();
    for (GlobalOption option : GlobalOption.values()) {
      assertThat(run.out()).contains(option.names()[option.names().length - 1]);
    }
    assertThat(run.out())
        .contains("rules", "modules", "update", "keys", "sign", "shell", "cache")
        .contains("Exit status:");
  }

  @Test
  void helpAfterOtherOptionsIsStillTheTopLevelHelp() {
    assertThat(run("--offline", "--help").out()).startsWith("Usage: freshjar ");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run("--offline");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("no command given");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus top x            | unknown option '--bogus'",
        "--cache-dir              | missing the value of --cache-dir DIR",
        "--offline=yes top x      | --offline takes no value",
        "--format xml top x       | --format text|tsv|json: unknown format 'xml'",
        "--update-timeout 5 top x | --update-timeout DURATION: '5' is not a duration",
        "--strict --strict top x  | --strict is given twice",
        "--offline --refresh top x | --offline and --refresh contradict each other",
      })
  void aBadOptionIsAUsageErrorNamingIt(String args, String message) {
    Run run = run(args.trim().split(" +"));

    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("freshjar: ").contains(message);
  }

  @Test
  void moduleMayBeRepeatedAndAValueMayFollowAnEqualsSign() throws Exception {
    Path empty = Files.writeString(dir.resolve("modules.conf"), "");

    Run run =
        run(
            "--config=" + empty,
            "--cache-dir=" + dir.resolve("cache"),
            "--module",
            "a=file:///nonexistent/a.jar",
            "--module=b=file:///nonexistent/b.jar",
            "--offline",
            "rules");

    // Both modules were taken, and neither is in the cache.
    assertThat(run.err())
        .contains("module a (file:///nonexistent/a.jar) is unavailable")
        .contains("module b (file:///nonexistent/b.jar) is unavailable");
  }

  @Test
  void aBuiltInCommandsOwnBadOptionPointsToThatCommandsHelp() {
    Run run = run("modules", "--bogus");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown option '--bogus' of 'modules'")
        .contains("'freshjar modules --help'");
  }
}
