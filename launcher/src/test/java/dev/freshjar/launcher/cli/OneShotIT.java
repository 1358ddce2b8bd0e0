package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real bin/freshjar, run as a user would, against a module served on loopback. */
class OneShotIT {
  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path cache;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(cache);
  }

  String moduleUrl() {
    return server.jarUrl("text-utils");
  }

  void serveTextUtils() {
    server.stubFor(
        get("/text-utils.jar")
            .willReturn(
                aResponse().withHeader("ETag", "\"v1\"").withBody(Fixtures.textUtilsJarBytes())));
  }

  @Nested
  class WithTheBuiltInModule {
    @Test
    void topOfALocalFileMatchesTheReferenceScript() {
      Result run = freshjar.run("--format", "tsv", "top", Fixtures.mobyDick().toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo(Fixtures.golden("expected/moby-dick/top-10.tsv"));
    }

    @Test
    void wcReadsStandardInputGivenAsDash() {
      Result run = freshjar.stdin("one two\nthree").run("--format", "tsv", "wc", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("lines\twords\tchars\tbytes\n1\t3\t13\t13\n");
    }

    @Test
    void jsonOutputIsAnArrayOfRowObjects() {
      Result run = freshjar.stdin("b a b").run("--format", "json", "top", "-n", "2", "-");

      assertThat(run.stdout())
          .isEqualTo("[{\"word\":\"b\",\"count\":2},{\"word\":\"a\",\"count\":1}]\n");
    }

    @Test
    void textOutputAlignsColumnsUnderAHeader() {
      Result run = freshjar.stdin("bb a bb").run("top", "-");

      assertThat(run.stdout()).isEqualTo("word  count\nbb        2\na         1\n");
    }

    @Test
    void anInputServedOverHttpIsStreamedFromTheUrl() {
      server.stubFor(get("/doc.txt").willReturn(aResponse().withBody("x y x\n")));

      Result run = freshjar.run("--format", "tsv", "histogram", server.baseUrl() + "/doc.txt");

      assertThat(run.stdout()).isEqualTo("word\tcount\nx\t2\ny\t1\n");
    }

    @Test
    void aMissingInputFileExitsOneAndNamesTheFile() {
      Result run = freshjar.run("wc", "no-such-file.txt");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("no such file: no-such-file.txt");
    }

    @Test
    void anUnknownRuleIsAUsageErrorThatListsTheRules() {
      Result run = freshjar.run("tpo", "x.txt");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).contains("unknown command or rule 'tpo'").contains("top");
    }

    @Test
    void aBadRuleOptionIsAUsageError() {
      Result run = freshjar.run("top", "-n", "many", "x.txt");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).contains("'many' is not a whole number");
    }

    @Test
    void rulesListsEachRuleWithItsModuleAndVersion() {
      Result run = freshjar.run("--format", "tsv", "rules");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout())
          .contains("rule\tmodule\ttitle\tversion\tsigned\tsummary\tsource\n")
          .contains("text:top\ttext\ttext-utils\t0.1.0/")
          .contains("\tunsigned\t")
          .contains("text:wc\t");
    }
  }

  @Nested
  class WithAModuleServedOverHttp {
    @Test
    void theFirstRunFetchesTheModuleAndRunsIt() {
      serveTextUtils();

      Result run =
          freshjar
              .option("--module", "text=" + moduleUrl())
              .stdin("a a b")
              .run("--format", "tsv", "top", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("word\tcount\na\t2\nb\t1\n");
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aLaterRunAsksWithTheETagAndDownloadsNothingOn304() {
      serveTextUtils();
      freshjar.option("--module", "text=" + moduleUrl()).run("update");
      server.resetAll();
      server.stubFor(get("/text-utils.jar").willReturn(aResponse().withStatus(304)));

      Result run = freshjar.stdin("z").run("--format", "tsv", "wc", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("lines\twords\tchars\tbytes\n0\t1\t1\t1\n");
      server.verify(
          getRequestedFor(urlEqualTo("/text-utils.jar"))
              .withHeader(
                  "If-None-Match",
                  com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"v1\"")));
    }

    @Test
    void modulesShowsNameVersionShaSourceStateAndFetchTime() {
      serveTextUtils();

      Result run =
          freshjar.option("--module", "text=" + moduleUrl()).run("--format", "tsv", "modules");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      String[] lines = run.stdout().split("\n");
      assertThat(lines[0]).isEqualTo("module\tversion\tsha256\tsigned\tsource\tstate\tfetched");
      assertThat(lines[1])
          .matches(
              "text\t0\\.1\\.0\t[0-9a-f]{12}\tunsigned\t" + moduleUrl() + "\tfresh\t\\d{4}-.*");
    }

    @Test
    void aServerThatFailsLaterLeavesTheCachedVersionRunningWithAWarning() {
      serveTextUtils();
      freshjar.option("--module", "text=" + moduleUrl()).run("update");
      server.stubFor(get("/text-utils.jar").willReturn(aResponse().withStatus(503)));

      Result run = freshjar.stdin("q").run("--format", "tsv", "wc", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("lines\twords\tchars\tbytes\n0\t1\t1\t1\n");
      assertThat(run.stderr()).contains("warning").contains(moduleUrl()).contains("503");
    }

    @Test
    void aModuleNeverFetchedAndUnreachableExitsThreeAndSaysSo() {
      Result run =
          freshjar
              .option("--module", "text=http://127.0.0.1:1/text-utils.jar")
              .run("wc", "README.md");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stderr()).contains("text").contains("unavailable").contains("127.0.0.1:1");
    }

    @Test
    void offlineWithAnEmptyCacheExitsThree() {
      Result run =
          freshjar.option("--module", "text=" + moduleUrl(), "--offline").run("wc", "README.md");

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void offlineRunsOnTheCachedJarWithoutAskingTheServer() throws Exception {
      serveTextUtils();
      freshjar.option("--module", "text=" + moduleUrl()).run("update");
      server.resetRequests();
      Path input =
          Files.writeString(cache.resolveSibling(cache.getFileName() + "-in.txt"), "w w\n");

      Result run = freshjar.option("--offline").run("--format", "tsv", "top", input.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("word\tcount\nw\t2\n");
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }

  /**
   * A rule on a local file runs on the cached jar while the update check is under way; what it
   * prints must be exactly what a run after the check would print.
   */
  @Nested
  class WhileTheUpdateCheckIsUnderWay {
    Path input;

    @BeforeEach
    void writeInputAndConfigure() throws Exception {
      input = Files.writeString(cache.resolve("input.txt"), "any text\n");
      freshjar.option("--module", "answer=" + server.baseUrl() + "/answer.jar");
    }

    void serve(byte[] jar, String etag, int delayMillis) {
      server.stubFor(
          get("/answer.jar")
              .willReturn(
                  aResponse()
                      .withFixedDelay(delayMillis)
                      .withHeader("ETag", "\"" + etag + "\"")
                      .withBody(jar)));
    }

    byte[] answering(String answer) {
      return ModuleJar.answering("answer", "answer", answer).bytes();
    }

    @Test
    void aNewVersionFoundByTheCheckIsTheOneWhoseResultIsPrinted() {
      serve(answering("from v1"), "v1", 0);
      freshjar.run("update");
      serve(answering("from v2"), "v2", 0);

      Result run = freshjar.run("answer", input.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("from v2").doesNotContain("from v1");
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aCachedVersionThatFailsIsNotReportedWhenTheCheckBringsOneThatWorks() {
      serve(
          ModuleJar.named("answer")
              .rule(
                  "broken.Answer",
                  """
                  package broken;
                  import dev.freshjar.api.*;
                  public class Answer implements Rule {
                    public String name() { return "answer"; }
                    public String summary() { return "always fails"; }
                    public Table apply(Input input, Arguments arguments) {
                      throw new IllegalStateException("v1 is broken");
                    }
                  }
                  """)
              .bytes(),
          "v1",
          0);
      freshjar.run("update");
      serve(answering("fixed in v2"), "v2", 0);

      Result run = freshjar.run("answer", input.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("fixed in v2");
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theCachedResultIsPrintedOnlyOnceTheCheckHasConfirmedItsVersion() {
      serve(answering("from v1"), "v1", 0);
      freshjar.run("update");
      server.resetAll();
      server.stubFor(
          get("/answer.jar").willReturn(aResponse().withFixedDelay(1_500).withStatus(304)));

      long start = System.nanoTime();
      Result run = freshjar.run("answer", input.toString());
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("from v1");
      assertThat(tookMillis).as("waited for the server's answer").isGreaterThanOrEqualTo(1_500);
      server.verify(
          getRequestedFor(urlEqualTo("/answer.jar"))
              .withHeader(
                  "If-None-Match",
                  com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"v1\"")));
    }

    @Test
    void aServerThatFailsLeavesTheCachedResultWithAWarning() {
      serve(answering("from v1"), "v1", 0);
      freshjar.run("update");
      server.stubFor(get("/answer.jar").willReturn(aResponse().withStatus(500)));

      Result run = freshjar.run("answer", input.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains("from v1");
      assertThat(run.stderr()).contains("warning").contains("500");
    }
  }
}
