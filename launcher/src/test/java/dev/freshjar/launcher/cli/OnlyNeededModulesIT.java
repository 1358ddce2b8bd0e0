package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten configured modules, one run of the real bin/freshjar for one rule: only the modules that can
 * provide the rule are loaded once this launcher has loaded every jar before (it remembers each
 * jar's rule names by SHA-256), while every answer, clash, suggestion and warning is the one a run
 * that loads all ten gives. The module "spy" writes a line to {@code SPY_LOG} whenever its rule
 * class is instantiated, that is whenever its jar is loaded.
 */
class OnlyNeededModulesIT {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The eight plain authors' modules: module aN has rule rN, answering "answer N". */
  static final int PLAIN = 8;

  @TempDir Path dir;
  Freshjar freshjar;
  Path spyLog;
  Path cacheDir;

  static final String SPY_RULE =
      """
      package fixture.spy;
      import java.nio.file.*;
      public class SpyRule extends AnswerRule {
        public SpyRule() {
          if (System.getenv("SPY_BREAK") != null) {
            throw new IllegalStateException("broken on purpose");
          }
          String log = System.getenv("SPY_LOG");
          if (log != null) {
            try {
              Files.writeString(Path.of(log), "loaded\\n",
                  StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        }
      }
      """;

  @BeforeEach
  void setUp() throws IOException {
    server.resetAll();
    cacheDir = dir.resolve("cache");
    spyLog = dir.resolve("spy.log");
    StringBuilder config = new StringBuilder();
    for (int n = 1; n <= PLAIN; n++) {
      publish("a" + n, ModuleJar.answering("author-" + n, "r" + n, "answer " + n).bytes(), config);
    }
    publish("twin", ModuleJar.answering("twin-rules", "shared", "twin").bytes(), config);
    publish(
        "spy",
        ModuleJar.named("spy-rules")
            .source("fixture.spy.AnswerRule", ModuleJar.answerRule("fixture.spy", "shared", "spy"))
            .rule("fixture.spy.SpyRule", SPY_RULE)
            .bytes(),
        config);
    Path configFile = dir.resolve("modules.conf");
    Files.writeString(configFile, config);
    freshjar =
        Freshjar.withCache(cacheDir)
            .env("SPY_LOG", spyLog.toString())
            .option("--config", configFile.toString());
    Result update = freshjar.run("update");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    Files.deleteIfExists(spyLog);
  }

  void publish(String module, byte[] jar, StringBuilder config) {
    server.stubFor(
        get("/" + module + ".jar")
            .willReturn(
                aResponse().withHeader("ETag", "\"" + module + jar.length + "\"").withBody(jar)));
    config.append("[module %s]\nurl = %s/%s.jar\n\n".formatted(module, server.baseUrl(), module));
  }

  /** A run that loads every module, as every run did, and lets this launcher learn their rules. */
  void learningRun() throws IOException {
    Result first = freshjar.run("--format", "tsv", "a1:r1", "-");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(spyLog).as("the first run loads every jar it never loaded").exists();
    Files.delete(spyLog);
  }

  @Test
  void aRuleNamedWithItsModuleLoadsNoOtherModule() throws IOException {
    learningRun();

    Result run = freshjar.run("--format", "tsv", "a3:r3", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nanswer 3\n");
    assertThat(run.stderr()).isEmpty();
    assertThat(spyLog).as("the spy module was loaded").doesNotExist();
  }

  @Test
  void aBareRuleLoadsOnlyTheModulesThatProvideIt() throws IOException {
    learningRun();

    Result run = freshjar.run("--format", "tsv", "r5", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nanswer 5\n");
    assertThat(spyLog).doesNotExist();
  }

  @Test
  void aBareRuleNotNeedingTheSpyLoadsItNeitherOffline() throws IOException {
    learningRun();

    Result run = freshjar.run("--offline", "--format", "tsv", "r2", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nanswer 2\n");
    assertThat(run.stderr()).as("offline, running on the cache is no warning").isEmpty();
    assertThat(spyLog).doesNotExist();
  }

  @Test
  void aBareRuleOfTwoModulesIsStillRefusedNamingBoth() throws IOException {
    List<Result> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(freshjar.run("shared", "-"));
    }

    for (Result run : runs) {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("rule 'shared' is provided by more than one module: twin:shared (")
          .contains(", spy:shared (")
          .contains("name one of them as MODULE:RULE");
    }
    assertThat(runs.get(1).stderr()).isEqualTo(runs.get(0).stderr());
  }

  @Test
  void anUnknownRuleGetsTheSameSuggestionsOverEveryModule() throws IOException {
    learningRun();
    Result before = freshjar.run("r9", "-");

    Result after = freshjar.run("r9", "-");

    assertThat(after.exitCode()).as(after.toString()).isEqualTo(2);
    assertThat(after.stderr()).contains("unknown command or rule 'r9'").contains("shared");
    assertThat(after.stderr()).isEqualTo(before.stderr());
  }

  @Test
  void aModuleThatFellBackIsWarnedAboutAndFailsStrictWithoutBeingLoaded() throws IOException {
    learningRun();
    server.stubFor(get("/spy.jar").willReturn(aResponse().withStatus(500)));

    Result run = freshjar.run("--strict", "--format", "tsv", "a1:r1", "-");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.stdout()).isEqualTo("answer\nanswer 1\n");
    assertThat(run.stderr())
        .startsWith("freshjar: warning: module spy: using cached 1.0/")
        .contains("--strict: exit 4");
    assertThat(spyLog).doesNotExist();
  }

  @Test
  void aJarThisLauncherNeverLoadedIsLoadedAndItsFailureReportedAsBefore() {
    Result run = freshjar.env("SPY_BREAK", "1").run("--strict", "--format", "tsv", "a1:r1", "-");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.stdout()).isEqualTo("answer\nanswer 1\n");
    assertThat(run.stderr())
        .contains("freshjar: warning: module spy (")
        .contains("is unavailable: cannot load 1.0/")
        .contains("broken on purpose");
  }

  @Test
  void aCorruptIndexCostsOnlyLoadingEveryModule() throws IOException {
    learningRun();
    Path index = cacheDir.resolve("rule-names");
    assertThat(index).exists();
    Files.write(index, "\u0000garbage\nnot an index at all\n".getBytes(StandardCharsets.UTF_8));

    Result run = freshjar.run("--format", "tsv", "r4", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nanswer 4\n");
    assertThat(spyLog).as("every module was loaded").exists();
    Files.delete(spyLog);
    Result again = freshjar.run("--format", "tsv", "r4", "-");
    assertThat(again.stdout()).isEqualTo("answer\nanswer 4\n");
    assertThat(spyLog).as("the index was written anew").doesNotExist();
    Result clash = freshjar.run("shared", "-");
    assertThat(clash.exitCode()).as(clash.toString()).isEqualTo(2);
    assertThat(clash.stderr()).contains("twin:shared (").contains("spy:shared (");
  }

  @Test
  void twoRunsLearningAtOnceLeaveAnIndexTheNextRunUses() throws Exception {
    Process one = freshjar.start("--format", "tsv", "a1:r1", "-");
    Process two = freshjar.start("--format", "tsv", "a2:r2", "-");
    one.getOutputStream().close();
    two.getOutputStream().close();
    assertThat(one.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(two.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(one.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("answer\nanswer 1\n");
    assertThat(new String(two.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("answer\nanswer 2\n");
    assertThat(List.of(one.exitValue(), two.exitValue())).containsOnly(0);
    Files.deleteIfExists(spyLog);

    Result run = freshjar.run("--format", "tsv", "r6", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\nanswer 6\n");
    assertThat(spyLog).doesNotExist();
  }
}
