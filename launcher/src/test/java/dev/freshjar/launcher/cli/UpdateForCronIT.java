package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshjar update} as a cron job runs it: output, exit statuses, log file, jitter. */
class UpdateForCronIT {
  static final byte[] A1 = ModuleJar.answering("alpha", "a", "a1").version("1.0").bytes();
  static final byte[] A2 = ModuleJar.answering("alpha", "a", "a2").version("2.0").bytes();
  static final byte[] B1 = ModuleJar.answering("beta", "b", "b1").version("1.0").bytes();

  /** A log line: UTC ISO-8601 time to the millisecond, level, process id, message. */
  static final String LOG_LINE =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (INFO|WARN|ERROR) \\[\\d+\\] .+";

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void twoModules() {
    freshjar =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", server.module("alpha"))
            .option("--module", server.module("beta"));
    serve("alpha", A1, "a1");
    serve("beta", B1, "b1");
  }

  static void serve(String module, byte[] jar, String etag) {
    server.serve(module, jar, etag);
  }

  static void fail(String module) {
    server.fail(module, 503);
  }

  @Nested
  class Output {
    @Test
    void saysWhatWasFetchedThenWhatChangedAndExitsZero() {
      Result first = freshjar.run("update");
      serve("alpha", A2, "a2");
      Result second = freshjar.run("update");

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.stdout())
          .matches("alpha: fetched 1\\.0/\\w{12}\nbeta: fetched 1\\.0/\\w{12}\n");
      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.stdout())
          .matches(
              "alpha: updated from 1\\.0/\\w{12} to 2\\.0/\\w{12}\nbeta: unchanged, 1\\.0/\\w{12}\n");
    }

    @Test
    void quietPrintsNothingWhenAllIsWell() {
      freshjar.run("update");

      Result run = freshjar.run("update", "--quiet");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEmpty();
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void quietPrintsOnlyTheModulesThatFellBack() {
      freshjar.run("update");
      fail("beta");

      Result run = freshjar.run("update", "--quiet");

      assertThat(run.stdout())
          .startsWith("beta: failed: HTTP 503 ")
          .contains("still on 1.0/")
          .doesNotContain("alpha");
    }

    @Test
    void aPinnedModuleIsNotCheckedAndSaysSo() {
      freshjar.run("update");
      freshjar.run("modules", "pin", "alpha");
      server.resetRequests();
      serve("alpha", A2, "a2");

      Result run = freshjar.run("update");
      Result modules = freshjar.run("--format", "tsv", "modules");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout())
          .contains("alpha: pinned at 1.0/")
          .contains("not checked ('freshjar modules unpin alpha' to follow updates)");
      assertThat(modules.stdout())
          .containsPattern("\nalpha\t1\\.0\t\\w{12}\tunsigned\t[^\t]+\tpinned at 1\\.0/\\w{12}\t");
      assertThat(
              server.findAll(
                  com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                      com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/alpha.jar"))))
          .isEmpty();
    }
  }

  @Nested
  class ExitStatus {
    @Test
    void isFourWhenSomeModuleFellBackToItsCachedVersion() {
      freshjar.run("update");
      fail("alpha");

      Result run = freshjar.run("update");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    }

    @Test
    void isThreeWhenAModuleIsUnavailableEvenIfAnotherFellBack() {
      serve("beta", B1, "b1");
      freshjar.run("update");
      fail("beta");
      Result run = freshjar.option("--module", "gamma=http://127.0.0.1:1/gamma.jar").run("update");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stdout()).contains("beta: failed: ").contains("gamma: unavailable: ");
    }

    @Test
    void isTwoForAUsageError() {
      Result run = freshjar.run("update", "--jitter", "soon");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains("'soon' is not a duration");
    }

    @Test
    void ofARuleOnAFallbackIsZeroButFourWithStrict() {
      freshjar.run("update");
      fail("alpha");

      Result lenient = freshjar.run("--format", "tsv", "a", "-");
      Result strict = freshjar.run("--strict", "--format", "tsv", "a", "-");

      assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
      assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(4);
      assertThat(strict.stdout()).isEqualTo("answer\na1\n");
      assertThat(strict.stderr()).contains("warning: module alpha").contains("--strict: exit 4");
    }

    @Test
    void ofARuleWithStrictIsZeroWhenEveryModuleIsCurrent() {
      Result run = freshjar.run("--strict", "--format", "tsv", "b", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
    }
  }

  @Nested
  class LogFile {
    @Test
    void getsTimestampedLinesAppendedByEveryRunWithWarningsMarked() throws Exception {
      Path log = dir.resolve("logs/nested/freshjar.log");
      freshjar.run("update", "--quiet", "--log-file", log.toString());
      fail("beta");
      freshjar.run("update", "--quiet", "--log-file", log.toString());

      List<String> lines = Files.readAllLines(log);

      assertThat(lines).allSatisfy(line -> assertThat(line).matches(LOG_LINE));
      assertThat(lines).hasSize(8);
      assertThat(lines.get(0))
          .contains(" INFO ")
          .contains("update: checking 2 modules in the cache ")
          .contains("alpha (" + server.baseUrl() + "/alpha.jar)");
      assertThat(lines.get(1)).contains(" INFO ").contains("alpha: fetched 1.0/");
      assertThat(lines.get(3)).contains(" INFO ").endsWith("update: done, exit 0 (success)");
      assertThat(lines.get(5)).contains(" INFO ").contains("alpha: unchanged, 1.0/");
      assertThat(lines.get(6)).contains(" WARN ").contains("beta: failed: HTTP 503");
      assertThat(lines.get(7))
          .endsWith("update: done, exit 4 (some modules fell back to their cached version)");
    }

    @Test
    void recordsTheJitterWaitBeforeTheCheck() throws Exception {
      Path log = dir.resolve("freshjar.log");

      Result run = freshjar.run("update", "--jitter", "300ms", "--log-file", log.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      List<String> lines = Files.readAllLines(log);
      // A pick under a millisecond (1 in 300) is written "0s", as every zero duration is.
      assertThat(lines.get(0))
          .matches(
              ".* INFO \\[\\d+\\] update: waiting (\\d+ms|0s) \\(--jitter 300ms\\) before"
                  + " checking");
      int waited = Integer.parseInt(lines.get(0).replaceAll(".*waiting (\\d+)(ms|s).*", "$1"));
      assertThat(waited).isBetween(0, 299);
      assertThat(lines.get(1)).contains("update: checking 2 modules");
    }

    @Test
    void getsAnErrorLineForAMisconfiguredCrontab() throws Exception {
      Path log = dir.resolve("freshjar.log");

      Result run =
          freshjar.option("--module", "nonsense").run("update", "--log-file", log.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(Files.readAllLines(log))
          .singleElement()
          .asString()
          .matches(LOG_LINE)
          .contains(" ERROR ")
          .contains("update: --module nonsense: expected NAME=URL");
    }

    @Test
    void thatCannotBeWrittenFailsTheRunAfterTheUpdateRan() throws Exception {
      Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

      Result run =
          freshjar.run("update", "--log-file", notADirectory.resolve("freshjar.log").toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stdout()).contains("alpha: fetched");
      assertThat(run.stderr()).contains("cannot write the log file");
    }
  }
}
