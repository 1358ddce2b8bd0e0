package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** modules history, rollback, pin and unpin, and cache gc and verify, through bin/freshjar. */
class HistoryAndRollbackIT {
  static final List<byte[]> VERSIONS =
      IntStream.rangeClosed(1, 4)
          .mapToObj(i -> ModuleJar.answering("mod", "answer", "v" + i).version(i + ".0").bytes())
          .toList();

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path cache;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(cache).option("--module", server.module("mod"));
  }

  /** Publishes version {@code n} (1-based) and updates to it. */
  void publishAndUpdate(int n) {
    publish(n);
    Result run = freshjar.run("update");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  void publish(int n) {
    server.stubFor(
        get("/mod.jar")
            .willReturn(
                aResponse().withHeader("ETag", "\"v" + n + "\"").withBody(VERSIONS.get(n - 1))));
  }

  String answer() {
    Result run = freshjar.run("--format", "tsv", "answer", "-");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.stdout().lines().skip(1).findFirst().orElseThrow();
  }

  List<String> history() {
    Result run = freshjar.run("--format", "tsv", "modules", "history", "mod");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.stdout().lines().toList();
  }

  String sha(List<String> history, String version) {
    return history.stream()
        .filter(l -> l.startsWith(version + "\t"))
        .findFirst()
        .orElseThrow()
        .split("\t")[1];
  }

  @Nested
  class History {
    @Test
    void listsEachCachedVersionNewestFirstWithShaFetchTimeSourceAndState() {
      publishAndUpdate(1);
      publishAndUpdate(2);

      List<String> lines = history();

      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).isEqualTo("version\tsha256\tfetched\tsource\tstate");
      String source = server.baseUrl() + "/mod.jar";
      assertThat(lines.get(1))
          .matches("2\\.0\t[0-9a-f]{12}\t\\d{4}-[^\t]+Z\t" + source + "\tcurrent");
      assertThat(lines.get(2))
          .matches("1\\.0\t[0-9a-f]{12}\t\\d{4}-[^\t]+Z\t" + source + "\tstored");
    }

    @Test
    void ofAModuleNeverFetchedIsAUsageError() {
      Result run = freshjar.run("modules", "history", "nothing");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).contains("module nothing is not in the cache");
    }
  }

  @Nested
  class Rollback {
    @Test
    void withoutAShaRunsThePreviousVersionPinnedThroughLaterUpdatesUntilUnpinned() {
      publishAndUpdate(1);
      publishAndUpdate(2);

      Result rollback = freshjar.run("modules", "rollback", "mod");
      Result update = freshjar.run("update");
      String pinnedAnswer = answer();
      Result unpin = freshjar.run("modules", "unpin", "mod");
      Result updateAfter = freshjar.run("update");

      assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
      assertThat(rollback.stdout())
          .matches(
              "mod: rolled back from 2\\.0/\\w{12} to 1\\.0/\\w{12}, and pinned there: updates leave"
                  + " it until 'freshjar modules unpin mod', after which the next update fetches the"
                  + " newest version again\n");
      assertThat(update.stdout()).startsWith("mod: pinned at 1.0/");
      assertThat(pinnedAnswer).isEqualTo("v1");
      assertThat(unpin.stdout()).startsWith("mod: unpinned, at 1.0/");
      assertThat(updateAfter.stdout())
          .matches("mod: updated from 1\\.0/\\w{12} to 2\\.0/\\w{12}\n");
      assertThat(answer()).isEqualTo("v2");
    }

    @Test
    void toAShaPrefixMakesThatVersionCurrent() {
      publishAndUpdate(1);
      publishAndUpdate(2);
      publishAndUpdate(3);
      String v1 = sha(history(), "1.0");

      Result run = freshjar.run("modules", "rollback", "mod", v1.substring(0, 7));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(answer()).isEqualTo("v1");
      assertThat(history().get(3)).startsWith("1.0\t" + v1).endsWith("\tcurrent, pinned");
    }

    @Test
    void toAnUnknownShaIsAUsageErrorAndChangesNothing() {
      publishAndUpdate(1);
      publishAndUpdate(2);

      Result run = freshjar.run("modules", "rollback", "mod", "ffffff");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).contains("has no cached version whose sha256 starts with ffffff");
      assertThat(answer()).isEqualTo("v2");
    }

    @Test
    void toADamagedJarFailsAndChangesNothing() throws Exception {
      publishAndUpdate(1);
      publishAndUpdate(2);
      Path v1 = jarOf(sha(history(), "1.0"));
      Files.write(v1, VERSIONS.get(3));

      Result run = freshjar.run("modules", "rollback", "mod");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("is damaged");
      assertThat(answer()).isEqualTo("v2");
    }
  }

  @Nested
  class Pin {
    @Test
    void keepsTheCurrentVersionThroughUpdatesUntilUnpinned() {
      publishAndUpdate(1);

      Result pin = freshjar.run("modules", "pin", "mod");
      publishAndUpdate(2);
      String whilePinned = answer();
      freshjar.run("modules", "unpin", "mod");
      publishAndUpdate(2);

      assertThat(pin.stdout())
          .matches(
              "mod: pinned at 1\\.0/\\w{12}; updates leave it there until 'freshjar modules unpin"
                  + " mod'\n");
      assertThat(whilePinned).isEqualTo("v1");
      assertThat(answer()).isEqualTo("v2");
    }
  }

  @Nested
  class Gc {
    @Test
    void keepsTheNewestVersionsAndThePinnedOneAndVerifyStaysClean() throws Exception {
      IntStream.rangeClosed(1, 4).forEach(HistoryAndRollbackIT.this::publishAndUpdate);
      List<String> before = history();
      String v1 = sha(before, "1.0");
      freshjar.run("modules", "rollback", "mod", v1);

      Result gc = freshjar.run("cache", "gc", "--keep", "2");

      assertThat(gc.exitCode()).as(gc.toString()).isZero();
      assertThat(gc.stdout())
          .matches("mod: dropped 1 old version: 2\\.0/\\w{12}\ndeleted 1 jar, freed [\\d.]+ KiB\n");
      List<String> after = history();
      assertThat(after).hasSize(4);
      assertThat(after.get(3)).startsWith("1.0\t" + v1).endsWith("current, pinned");
      assertThat(jarOf(v1)).exists();
      assertThat(jarOf(sha(before, "2.0"))).doesNotExist();
      assertThat(answer()).isEqualTo("v1");
      Result verify = freshjar.run("cache", "verify");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(verify.stdout()).isEqualTo("checked 3 jars and 1 module record: all good\n");
    }

    @Test
    void keepsThreeVersionsByDefault() {
      IntStream.rangeClosed(1, 4).forEach(HistoryAndRollbackIT.this::publishAndUpdate);

      Result gc = freshjar.run("cache", "gc");

      assertThat(gc.stdout()).startsWith("mod: dropped 1 old version: 1.0/");
      assertThat(history()).hasSize(4);
    }

    @Test
    void refusesToKeepNone() {
      Result gc = freshjar.run("cache", "gc", "--keep", "0");

      assertThat(gc.exitCode()).isEqualTo(2);
    }
  }

  @Nested
  class Verify {
    @Test
    void reportsADamagedJarAndAMissingOneAndExitsFive() throws Exception {
      publishAndUpdate(1);
      publishAndUpdate(2);
      List<String> history = history();
      Files.write(jarOf(sha(history, "2.0")), VERSIONS.get(3));
      Files.delete(jarOf(sha(history, "1.0")));

      Result run = freshjar.run("cache", "verify");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
      assertThat(run.stdout().lines())
          .hasSize(3)
          .anySatisfy(l -> assertThat(l).startsWith("problem: ").contains(" is damaged: "))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("problem: module mod: version 1.0/")
                      .contains("has no stored jar"))
          .last()
          .isEqualTo("checked 1 jar and 1 module record: 2 problems");
    }
  }

  Path jarOf(String shortSha) throws Exception {
    try (Stream<Path> jars = Files.list(cache.resolve("objects"))) {
      return jars.filter(p -> p.getFileName().toString().startsWith(shortSha))
          .findFirst()
          .orElse(cache.resolve("objects").resolve(shortSha + "-missing.jar"));
    }
  }
}
