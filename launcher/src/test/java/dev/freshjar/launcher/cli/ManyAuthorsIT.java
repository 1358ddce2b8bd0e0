package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three authors, each publishing a module on a server of their own, used together in one run of the
 * real bin/freshjar: each module is fetched, checked and loaded on its own, and one author's slow
 * server, broken jar or clashing rule name never stops the others' rules.
 */
class ManyAuthorsIT {
  @RegisterExtension static JarServer alice = new JarServer();

  @RegisterExtension static JarServer bob = new JarServer();

  @RegisterExtension static JarServer carol = new JarServer();

  /** How much longer than the deadline a run may take: a JVM start on a busy two-core machine. */
  static final Duration MARGIN = Duration.ofSeconds(6);

  /** How long a slow server takes to answer: far longer than any deadline plus margin here. */
  static final int SLOW_MILLIS = 20_000;

  static final Supplier<byte[]> ALICE_V1 =
      once(() -> ModuleJar.answering("alice-rules", "alpha", "alice v1").bytes());
  static final Supplier<byte[]> BOB_V1 =
      once(() -> ModuleJar.answering("bob-rules", "beta", "bob v1").bytes());
  static final Supplier<byte[]> BOB_V2 =
      once(() -> ModuleJar.answering("bob-rules", "beta", "bob v2").version("2.0").bytes());
  static final Supplier<byte[]> CAROL_V1 =
      once(() -> ModuleJar.answering("carol-rules", "gamma", "carol v1").bytes());

  @TempDir Path dir;
  Freshjar freshjar;
  Path config;

  @BeforeEach
  void setUp() {
    for (WireMockExtension server : List.of(alice, bob, carol)) {
      server.resetAll();
    }
    freshjar = Freshjar.withCache(dir.resolve("cache"));
    config = dir.resolve("modules.conf");
  }

  static String url(WireMockExtension server) {
    return server.baseUrl() + "/rules.jar";
  }

  static void publish(WireMockExtension server, byte[] jar) {
    server.stubFor(
        get("/rules.jar")
            .willReturn(aResponse().withHeader("ETag", "\"" + sha256(jar) + "\"").withBody(jar)));
  }

  /** Every author publishes a first version, and the configuration file names all three. */
  void threeAuthorsPublish() {
    publish(alice, ALICE_V1.get());
    publish(bob, BOB_V1.get());
    publish(carol, CAROL_V1.get());
    configureAllThree();
  }

  void configureAllThree() {
    writeConfig(
        """
        # three authors, three servers
        [module alice]
        url = %s

        [module bob]
        url = %s

        [module carol]
        url = %s
        """
            .formatted(url(alice), url(bob), url(carol)));
    freshjar.option("--config", config.toString());
  }

  void writeConfig(String text) {
    try {
      Files.writeString(config, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TSV row of {@code rules} for a rule answering {@code answer}. */
  static String rulesRow(String rule, String module, String title, String answer, String url) {
    return rule
        + "\t"
        + module
        + "\t"
        + title
        + "\t1\\.0/[0-9a-f]{12}\tunsigned\tanswers "
        + answer
        + "\t"
        + url.replace(".", "\\.");
  }

  @Nested
  class ThreeAuthorsInOneRun {
    @Test
    void allFreshEveryRuleIsListedWithItsModuleVersionAndSourceAndRuns() {
      threeAuthorsPublish();

      Result rules = freshjar.run("--format", "tsv", "rules");

      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stderr()).isEmpty();
      assertThat(rules.stdout().split("\n"))
          .hasSize(4)
          .satisfies(
              lines -> {
                assertThat(lines[0])
                    .isEqualTo("rule\tmodule\ttitle\tversion\tsigned\tsummary\tsource");
                assertThat(lines[1])
                    .matches(
                        rulesRow("alice:alpha", "alice", "alice-rules", "alice v1", url(alice)));
                assertThat(lines[2])
                    .matches(rulesRow("bob:beta", "bob", "bob-rules", "bob v1", url(bob)));
                assertThat(lines[3])
                    .matches(
                        rulesRow("carol:gamma", "carol", "carol-rules", "carol v1", url(carol)));
              });
      for (String[] ruleAndAnswer :
          new String[][] {{"alpha", "alice v1"}, {"bob:beta", "bob v1"}, {"gamma", "carol v1"}}) {
        Result run = freshjar.run("--format", "tsv", ruleAndAnswer[0], "-");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("answer\n" + ruleAndAnswer[1] + "\n");
        assertThat(run.stderr()).isEmpty();
      }
    }

    @Test
    void aSlowServerDelaysTheRunByAtMostTheDeadlineAndItsAuthorsCachedJarRunsWithAWarning() {
      threeAuthorsPublish();
      assertThat(freshjar.run("update").exitCode()).isZero();
      bob.stubFor(
          get("/rules.jar")
              .willReturn(aResponse().withFixedDelay(SLOW_MILLIS).withBody(BOB_V2.get())));

      long start = System.nanoTime();
      Result modules = freshjar.run("--update-timeout", "3s", "--format", "tsv", "modules");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(3).plus(MARGIN));
      assertThat(modules.exitCode()).as(modules.toString()).isZero();
      assertThat(modules.stdout())
          .containsPattern("\nalice\t1\\.0\t[0-9a-f]{12}\tunsigned\t\\S+\tfresh\t")
          .containsPattern(
              "\nbob\t1\\.0\t[0-9a-f]{12}\tunsigned\t\\S+\tcached fallback: no answer within the update"
                  + " deadline of 3s; give --update-timeout a longer DURATION to wait for it\t")
          .containsPattern("\ncarol\t1\\.0\t[0-9a-f]{12}\tunsigned\t\\S+\tfresh\t");
      assertThat(modules.stderr())
          .isEqualTo(
              "freshjar: warning: module bob: using cached "
                  + "1.0/"
                  + sha256(BOB_V1.get()).substring(0, 12)
                  + " because "
                  + url(bob)
                  + " could not be used: no answer within the update deadline of 3s; give --update-timeout a longer DURATION to wait for it\n");

      start = System.nanoTime();
      Result beta = freshjar.run("--update-timeout", "3s", "--format", "tsv", "beta", "-");
      took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(3).plus(MARGIN));
      assertThat(beta.exitCode()).as(beta.toString()).isZero();
      assertThat(beta.stdout()).isEqualTo("answer\nbob v1\n");
      assertThat(beta.stderr()).startsWith("freshjar: warning: module bob: using cached 1.0/");
    }

    static Stream<Arguments> brokenJars() {
      return Stream.of(
          argumentSet(
              "bytes that are not a jar",
              (Supplier<byte[]>) () -> "<html>moved</html>".getBytes(StandardCharsets.UTF_8),
              "not a jar: "),
          argumentSet(
              "a rule that throws in its static initialiser",
              (Supplier<byte[]>)
                  () ->
                      ModuleJar.named("bob-rules")
                          .rule(
                              "broken.Beta",
                              """
                              package broken;
                              import dev.freshjar.api.*;
                              public class Beta implements Rule {
                                static { if (true) throw new IllegalStateException("no config"); }
                                public String name() { return "beta"; }
                                public String summary() { return "never loads"; }
                                public Table apply(Input input, Arguments arguments) {
                                  return null;
                                }
                              }
                              """)
                          .bytes(),
              "rejected: a rule class failed in its static initialiser:"
                  + " java.lang.IllegalStateException: no config"));
    }

    @ParameterizedTest
    @MethodSource("brokenJars")
    void aBrokenJarLeavesItsAuthorsRulesUnavailableWhileTheOthersRun(
        Supplier<byte[]> broken, String reason) {
      threeAuthorsPublish();
      publish(bob, broken.get());

      Result rules = freshjar.run("--format", "tsv", "rules");

      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stdout()).contains("alice:alpha\t").contains("carol:gamma\t");
      assertThat(rules.stdout()).doesNotContain("bob");
      assertThat(rules.stderr())
          .startsWith("freshjar: warning: module bob (" + url(bob) + ") is unavailable: ")
          .contains(reason);

      Result beta = freshjar.run("bob:beta", "-");

      assertThat(beta.exitCode()).as(beta.toString()).isEqualTo(3);
      assertThat(beta.stderr()).contains("freshjar: module bob is unavailable: " + reason);

      Result gamma = freshjar.run("--format", "tsv", "gamma", "-");

      assertThat(gamma.exitCode()).as(gamma.toString()).isZero();
      assertThat(gamma.stdout()).isEqualTo("answer\ncarol v1\n");
    }

    @Test
    void aCachedJarThatNoLongerLoadsLeavesItsModuleOutAndModulesSaysWhy() throws Exception {
      threeAuthorsPublish();
      assertThat(freshjar.run("update").exitCode()).isZero();
      Path bobsJar = dir.resolve("cache/objects").resolve(sha256(BOB_V1.get()) + ".jar");
      bobsJar.toFile().setWritable(true);
      Files.writeString(bobsJar, "damaged on disk");

      Result modules = freshjar.run("--format", "tsv", "modules");

      assertThat(modules.exitCode()).as(modules.toString()).isZero();
      assertThat(modules.stdout())
          .containsPattern("\nalice\t1\\.0\t\\S+\tunsigned\t\\S+\tfresh\t")
          .containsPattern(
              "\nbob\t1\\.0\t\\S+\tunsigned\t\\S+\tunavailable: cannot load 1\\.0/\\S+: ")
          .containsPattern("\ncarol\t1\\.0\t\\S+\tunsigned\t\\S+\tfresh\t");

      Result beta = freshjar.run("beta", "-");

      assertThat(beta.exitCode()).as(beta.toString()).isEqualTo(3);
      assertThat(beta.stderr())
          .contains(
              "freshjar: no available module provides rule 'beta', and module bob is"
                  + " unavailable: cannot load 1.0/");
    }

    @Test
    void twoModulesBundlingConflictingVersionsOfTheSameClassEachGetTheirOwn() {
      publish(alice, bundlingLib("alice-rules", "alpha", "lib 1.0"));
      publish(bob, bundlingLib("bob-rules", "beta", "lib 2.0"));
      publish(carol, CAROL_V1.get());
      configureAllThree();

      Result rules = freshjar.run("--format", "tsv", "rules");

      // Both summaries come from shared.Lib, each module's own, in one process.
      assertThat(rules.stdout())
          .containsPattern("\nalice:alpha\t[^\n]*\tuses lib 1\\.0\t")
          .containsPattern("\nbob:beta\t[^\n]*\tuses lib 2\\.0\t");
      assertThat(freshjar.run("--format", "tsv", "alpha", "-").stdout())
          .isEqualTo("answer\nlib 1.0\n");
      assertThat(freshjar.run("--format", "tsv", "beta", "-").stdout())
          .isEqualTo("answer\nlib 2.0\n");
    }

    /** A module whose rule (class shared.LibRule) answers what its bundled shared.Lib says. */
    static byte[] bundlingLib(String title, String ruleName, String libVersion) {
      return ModuleJar.named(title)
          .source(
              "shared.Lib",
              """
              package shared;
              public class Lib { public static String version() { return "%s"; } }
              """
                  .formatted(libVersion))
          .rule(
              "shared.LibRule",
              """
              package shared;
              import dev.freshjar.api.*;
              public class LibRule implements Rule {
                public String name() { return "%s"; }
                public String summary() { return "uses " + Lib.version(); }
                public Table apply(Input input, Arguments arguments) {
                  return Table.builder(Column.text("answer")).row(Lib.version()).build();
                }
              }
              """
                  .formatted(ruleName))
          .bytes();
    }
  }

  // Each nested class at the top level: WireMock's extension stops its servers after any nested
  // class, so a class nested in another would leave its parent's tests without servers.
  @Nested
  class TwoModulesWithARuleOfTheSameName {
    @BeforeEach
    void publishTwoGreetings() {
      publish(alice, ModuleJar.answering("alice-rules", "greet", "hello from alice").bytes());
      publish(bob, BOB_V1.get());
      publish(carol, ModuleJar.answering("carol-rules", "greet", "hello from carol").bytes());
      configureAllThree();
    }

    @Test
    void theQualifiedNamesReachEach() {
      assertThat(freshjar.run("--format", "tsv", "alice:greet", "-").stdout())
          .isEqualTo("answer\nhello from alice\n");
      assertThat(freshjar.run("--format", "tsv", "carol:greet", "-").stdout())
          .isEqualTo("answer\nhello from carol\n");
    }

    @Test
    void theBareNameIsAUsageErrorListingBoth() {
      Result run = freshjar.run("greet", "-");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stdout()).isEmpty();
      assertThat(run.stderr())
          .matches(
              "freshjar: rule 'greet' is provided by more than one module: alice:greet"
                  + " \\(1\\.0/[0-9a-f]{12}\\), carol:greet \\(1\\.0/[0-9a-f]{12}\\); name one of"
                  + " them as MODULE:RULE\n");
    }
  }

  @Nested
  class TheConfigurationFile {
    @BeforeEach
    void publishAll() {
      publish(alice, ALICE_V1.get());
      publish(bob, BOB_V1.get());
      publish(carol, CAROL_V1.get());
    }

    @Test
    void isFoundThroughFreshjarConfig() {
      writeConfig("[module alice]\nurl = " + url(alice) + "\n");

      Result rules = freshjar.env("FRESHJAR_CONFIG", config.toString()).run("rules");

      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stdout()).contains("alice:alpha").doesNotContain("text:");
    }

    @Test
    void isFoundAsModulesConfUnderXdgConfigHome() throws Exception {
      Path xdg = dir.resolve("xdg");
      Files.createDirectories(xdg.resolve("freshjar"));
      Files.writeString(
          xdg.resolve("freshjar/modules.conf"), "[module carol]\nurl = " + url(carol) + "\n");

      Result rules = freshjar.env("XDG_CONFIG_HOME", xdg.toString()).run("rules");

      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stdout()).contains("carol:gamma").doesNotContain("text:");
    }

    @Test
    void aModuleFlagReplacesTheFilesModuleOfThatNameAndAnyOtherFlagAddsOne() {
      writeConfig(
          """
          [module alice]
          url = %s
          [module bob]
          url = http://127.0.0.1:1/moved-away.jar
          """
              .formatted(url(alice)));

      Result rules =
          freshjar
              .option("--config", config.toString())
              .option("--module", "bob=" + url(bob), "--module", "carol=" + url(carol))
              .run("--format", "tsv", "rules");

      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stderr()).isEmpty();
      assertThat(rules.stdout().lines().skip(1).map(line -> line.split("\t")[0]))
          .containsExactly("alice:alpha", "bob:beta", "carol:gamma");
    }

    @Test
    void aBadLineStopsTheRunWithExitTwoNamingTheFileAndTheLine() {
      writeConfig("[module alice]\nurl = " + url(alice) + "\ntimeout = soon\n");

      Result run = freshjar.option("--config", config.toString()).run("rules");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stdout()).isEmpty();
      assertThat(run.stderr())
          .isEqualTo(
              "freshjar: "
                  + config
                  + ":3: timeout 'soon' is not a duration; write a whole number and a unit:"
                  + " 500ms, 2s, 5m, 1h\n");
      assertThat(alice.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingFileNamedByConfigIsAnErrorWithExitTwo() {
      Path missing = dir.resolve("missing.conf");

      Result run = freshjar.option("--config", missing.toString()).run("rules");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr())
          .isEqualTo(
              "freshjar: "
                  + missing
                  + ": no such file (named by --config); create it, or name an existing"
                  + " configuration file\n");
    }

    @Test
    void aModulesOwnTimeoutBoundsItsFetch() {
      alice.stubFor(
          get("/rules.jar")
              .willReturn(aResponse().withFixedDelay(SLOW_MILLIS).withBody(ALICE_V1.get())));
      writeConfig(
          """
          [module alice]
          url = %s
          timeout = 1s

          [module carol]
          url = %s
          """
              .formatted(url(alice), url(carol)));

      long start = System.nanoTime();
      Result rules =
          freshjar
              .option("--config", config.toString())
              .run("--update-timeout", "30s", "--format", "tsv", "rules");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Long before the server would have answered, and the deadline was far off.
      assertThat(took).isLessThan(Duration.ofMillis(SLOW_MILLIS / 2));
      assertThat(rules.exitCode()).as(rules.toString()).isZero();
      assertThat(rules.stdout()).contains("carol:gamma").doesNotContain("alice");
      assertThat(rules.stderr())
          .contains("module alice (" + url(alice) + ") is unavailable: timed out after 1s");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a fixture jar once, when a test first needs it: compiling one takes a while. */
  static Supplier<byte[]> once(Supplier<byte[]> build) {
    return new Supplier<>() {
      private byte[] bytes;

      @Override
      public synchronized byte[] get() {
        if (bytes == null) {
          bytes = build.get();
        }
        return bytes;
      }
    };
  }
}
