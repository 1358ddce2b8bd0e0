package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real bin/freshjar given the mistakes users make: typos, options in the wrong place, bad
 * values, unreachable servers. Each answer says what was wrong and what to do, in one style.
 */
class MistakesIT {
  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(dir.resolve("cache"));
  }

  @Nested
  class ANearMiss {
    @ParameterizedTest
    @CsvSource({"updte, update", "rulse, rules", "tpo, top", "histogramm, histogram"})
    void ofACommandOrRuleGetsTheNameMeant(String typed, String meant) {
      Result run = freshjar.run(typed, "README.md");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains("did you mean '" + meant + "'?");
    }

    @Test
    void listsBothTheCommandsAndTheRules() {
      Result run = freshjar.run("frobnicate");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("unknown command or rule 'frobnicate'")
          .doesNotContain("did you mean")
          .containsPattern("commands: .*update.*shell")
          .containsPattern("rules: .*wc.*top");
    }

    @Test
    void ofASubcommandGetsTheSubcommandMeant() {
      Result run = freshjar.run("cache", "gcc");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .doesNotContain("Unmatched argument")
          .contains("did you mean 'cache gc'?");
    }

    @Test
    void aCommandWithoutItsSubcommandListsThem() {
      Result run = freshjar.run("cache");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .isEqualTo("freshjar: 'cache' needs a command: gc, verify; e.g. 'freshjar cache gc'\n");
    }

    @Test
    void ofAGlobalOptionGetsTheOptionMeant() {
      Result run = freshjar.run("--fromat", "json", "top", "README.md");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("did you mean '--format'?")
          .contains("options go before the rule or command");
    }
  }

  @Nested
  class HelpAndVersion {
    @Test
    void helpIsACommand() {
      Result run = freshjar.run("help");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).startsWith("Usage: freshjar").contains("Commands:");
    }

    @Test
    void helpOfARuleShowsItsOptions() {
      Result run = freshjar.run("help", "top");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("Usage: freshjar top").contains("-n=N");
    }

    @Test
    void helpOfACommandShowsItsOptions() {
      Result run = freshjar.run("help", "update");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("Usage: freshjar update").contains("--log-file");
    }

    @Test
    void versionIsACommand() {
      Result run = freshjar.run("version");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).startsWith("freshjar ").contains("module-api ");
    }
  }

  @Nested
  class AGlobalOptionAfterTheRule {
    @Test
    void getsTheSameHintAsAMisspeltOne() {
      Result run = freshjar.run("top", "README.md", "--format", "json");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("options go before the rule or command")
          .contains("--format json top README.md");
    }

    @Test
    void afterABuiltInCommandGetsItToo() {
      Result run = freshjar.run("rules", "--offline");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("options go before the rule or command")
          .contains("--offline rules");
    }
  }

  @Nested
  class OneStyle {
    @Test
    void aBadValueOfACommandsOptionReadsLikeAGlobalOnes() {
      Result run = freshjar.run("update", "--jitter", "soon");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .doesNotContain("Invalid value for option")
          .startsWith("freshjar: update --jitter DURATION: 'soon' is not a duration; write");
    }

    @Test
    void anInputWithAnUnsupportedSchemeSaysWhichInputsAreSupported() {
      Result run = freshjar.run("wc", "ftp://example.invalid/book.txt");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr())
          .doesNotContain("no such file")
          .contains("ftp://example.invalid/book.txt")
          .contains("an http(s) URL, a file: URL, a local path, or -");
    }

    @Test
    void anUnreachableInputServerReadsLikeAnUnreachableModuleServer() throws IOException {
      int port = closedPort();
      String input = "http://127.0.0.1:" + port + "/book.txt";

      Result inputRun = freshjar.run("wc", input);
      Result moduleRun =
          Freshjar.withCache(dir.resolve("other"))
              .option("--module", "text=http://127.0.0.1:" + port + "/text.jar")
              .run("update");

      assertThat(inputRun.exitCode()).as(inputRun.toString()).isEqualTo(1);
      assertThat(inputRun.stderr())
          .doesNotContain("Failed to connect")
          .contains("cannot reach host 127.0.0.1 (connection refused)")
          .contains(input);
      assertThat(moduleRun.stdout()).contains("cannot reach host 127.0.0.1 (connection refused)");
    }

    @Test
    void anUnwritableLogFileIsAnErrorWithoutAJavaExceptionName() throws IOException {
      Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
      Path log = notADirectory.resolve("freshjar.log");

      Result run = freshjar.run("update", "--log-file", log.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr())
          .contains("cannot write the log file " + log)
          .doesNotContain("Exception")
          .doesNotContain("java.");
    }
  }

  @Nested
  class ASlowModuleServer {
    @Test
    void namesTheModulesTimeoutSettingWhenItsFetchTimesOut() throws IOException {
      server.stubFor(
          get("/slow.jar")
              .willReturn(
                  aResponse()
                      .withFixedDelay(5_000)
                      .withBody(ModuleJar.answering("slow", "s", "x").bytes())));
      Path config =
          Files.writeString(
              dir.resolve("modules.conf"),
              "[module slow]\nurl = " + server.baseUrl() + "/slow.jar\ntimeout = 300ms\n");

      Result run = freshjar.option("--config", config.toString()).run("update");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stdout()).contains("timed out after 300ms").contains("raise 'timeout'");
    }

    @Test
    void namesUpdateTimeoutWhenTheRunStopsWaiting() {
      byte[] jar = ModuleJar.answering("slow", "s", "x").bytes();
      server.stubFor(get("/slow.jar").willReturn(aResponse().withBody(jar)));
      freshjar.option("--module", "slow=" + server.baseUrl() + "/slow.jar");
      Result first = freshjar.run("update");
      assertThat(first.exitCode()).as(first.toString()).isZero();
      server.stubFor(get("/slow.jar").willReturn(aResponse().withFixedDelay(30_000).withBody(jar)));

      Result run = freshjar.option("--update-timeout", "1s").run("s", "README.md");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stderr())
          .contains("no answer within the update deadline of 1s")
          .contains("give --update-timeout a longer DURATION");
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
