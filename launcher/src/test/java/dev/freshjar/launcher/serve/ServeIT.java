package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.assertError;
import static dev.freshjar.launcher.serve.ServeChecks.awaitTrue;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static dev.freshjar.launcher.serve.ServeChecks.read;
import static dev.freshjar.launcher.serve.ServeChecks.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real {@code bin/freshjar serve}, on loopback, talked to over HTTP as a client would. */
class ServeIT {
  static final Path GOLDEN = Freshjar.home().resolve("text-utils-module/src/test/resources/golden");

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OneServer {
    Path cache;
    ServeProcess serve;
    Path accessLog;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
      cache = Files.createDirectories(dir.resolve("cache"));
      Path work = Files.createDirectories(dir.resolve("work"));
      Path started = Files.createDirectories(work.resolve("started"));
      Path odd = TestModules.odd(work.resolve("odd.jar"), started);
      accessLog = work.resolve("access.log");
      serve =
          ServeProcess.start(
              freshjar(cache)
                  .option("--module", "odd=" + odd, "--module", "gone=http://127.0.0.1:1/gone.jar"),
              "--max-body",
              "2m",
              "--request-timeout",
              "2s",
              "--access-log",
              accessLog.toString());
    }

    @AfterAll
    void stop() {
      serve.close();
    }

    Stream<Arguments> goldenFiles() throws IOException {
      List<Arguments> cases = new ArrayList<>();
      try (Stream<Path> dirs = Files.list(GOLDEN.resolve("expected"))) {
        for (Path dir : dirs.sorted().toList()) {
          String name = dir.getFileName().toString();
          Path input =
              name.equals("moby-dick")
                  ? Fixtures.mobyDick()
                  : GOLDEN.resolve("inputs").resolve(name + ".txt");
          try (Stream<Path> files = Files.list(dir)) {
            for (Path expected : files.sorted().toList()) {
              String rule = expected.getFileName().toString().replace(".tsv", "");
              String path =
                  rule.startsWith("top-") ? "/rules/top?n=" + rule.substring(4) : "/rules/" + rule;
              cases.add(Arguments.of(name + " " + rule, input, path, expected));
            }
          }
        }
      }
      return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void answersEqualTheReferenceScriptsGoldenFiles(
        String name, Path input, String path, Path expected) throws IOException {
      HttpResponse<String> answer =
          serve.post(path, Files.readAllBytes(input), "Accept", "text/tab-separated-values");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "tsv", "json"})
    void eachFormatIsByteForByteWhatTheOneShotPrints(String format) throws IOException {
      String accept =
          switch (format) {
            case "text" -> "text/plain";
            case "tsv" -> "text/tab-separated-values";
            default -> "application/json";
          };
      Freshjar.Result oneShot =
          freshjar(cache)
              .run(
                  "--offline",
                  "--format",
                  format,
                  "top",
                  "-n",
                  "7",
                  Fixtures.mobyDick().toString());

      HttpResponse<String> answer =
          serve.post("/rules/top?n=7", Files.readAllBytes(Fixtures.mobyDick()), "Accept", accept);

      assertThat(oneShot.exitCode()).as(oneShot.toString()).isZero();
      assertThat(answer.body()).isEqualTo(oneShot.stdout());
      assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith(accept);
    }

    @Test
    void jsonIsTheDefaultAndTheHeaderNamesTheModuleVersionAndSha() throws IOException {
      String sha = sha256(Fixtures.textUtilsJar());

      HttpResponse<String> answer = serve.post("/rules/text:top?n=2", "b a b");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .isEqualTo("[{\"word\":\"b\",\"count\":2},{\"word\":\"a\",\"count\":1}]\n");
      assertThat(answer.headers().firstValue("Freshjar-Module")).hasValue("text 0.1.0/" + sha);
    }

    @Test
    void rulesAndModulesAnswerTheCommandsTablesAsJson() {
      HttpResponse<String> rules = serve.get("/rules");
      HttpResponse<String> modules = serve.get("/modules");

      assertThat(rules.statusCode()).isEqualTo(200);
      assertThat(rules.body())
          .startsWith("[{\"rule\":\"text:wc\",\"module\":\"text\",\"title\":\"text-utils\"")
          .contains("\"rule\":\"odd:boom\"");
      assertThat(modules.body())
          .contains("{\"module\":\"text\",\"version\":\"0.1.0\"")
          .contains("\"module\":\"gone\"")
          .contains("\"state\":\"unavailable: ");
    }

    @Test
    void healthSaysLiveAndReadyWithEachModule() {
      HttpResponse<String> health = serve.get("/health");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .startsWith("{\"live\":true,\"ready\":true,\"modules\":[")
          .contains("{\"module\":\"gone\",\"available\":false,");
    }

    @Test
    void anUnknownRuleIs404() {
      assertError(serve.post("/rules/text:tpo", "x"), 404, "module text has no rule 'tpo'");
      assertError(serve.post("/rules/odd:nothing", "x"), 404, "module odd has no rule 'nothing'");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405() {
      assertError(serve.get("/nowhere"), 404, "no such resource: /nowhere");
      HttpResponse<String> wrongMethod = serve.get("/rules/top");

      assertError(wrongMethod, 405, "use POST here, not GET");
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aBadValueIs400() {
      assertError(serve.post("/rules/top?n=many", "x"), 400, "'many' is not a whole number");
      assertError(serve.post("/rules/top?m=3", "x"), 400, "text:top has no parameter 'm'");
      assertError(serve.post("/rules/top?n=1&n=2", "x"), 400, "n is given twice");
      assertError(serve.post("/rules/top?n=%ff", "x"), 400, "cannot read the query");
    }

    @Test
    void aRuleThatThrowsIs500WithItsMessageEscapedAsEverywhereAndTheServerGoesOn() {
      HttpResponse<String> answer = serve.post("/rules/boom", "x");

      // The failure is worded once, its control characters escaped as on a terminal; the
      // JSON around it escapes the backslashes again.
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.body())
          .contains("bad \\\"thing\\\"\\\\u000a\\\\u001b[31mred\\\\u0000 </script>")
          .doesNotContain("\u001b")
          .endsWith(",\"status\":500}\n");
      assertThat(serve.post("/rules/wc", "a b").statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleOfAnUnavailableModuleIs503() {
      assertError(serve.post("/rules/gone:anything", "x"), 503, "module gone is unavailable");
    }

    @Test
    void aBodyOverMaxBodyIs413WhetherItsLengthIsDeclaredOrNot() {
      byte[] big = new byte[2 * 1024 * 1024 + 1];
      HttpRequest chunked =
          serve
              .request("/rules/wc")
              .POST(
                  HttpRequest.BodyPublishers.ofInputStream(
                      () -> new java.io.ByteArrayInputStream(big)))
              .build();

      HttpResponse<String> declared = serve.post("/rules/wc", big);

      assertError(declared, 413, "larger than --max-body (2097152 bytes)");
      // The rest of the body is unread: the client must not send another request after it.
      assertThat(declared.headers().firstValue("Connection")).hasValue("close");
      assertError(serve.send(chunked), 413, "larger than --max-body (2097152 bytes)");
      assertThat(serve.post("/rules/wc", new byte[2 * 1024 * 1024]).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientStillSendingAnOversizedBodyReadsThe413NotAReset() {
      // The server answers on the declared length at once; a client still uploading must still
      // get that answer (a server that closes on unread bytes makes the kernel send a reset).
      byte[] big = new byte[8 * 1024 * 1024];
      for (int i = 0; i < 10; i++) {
        assertError(serve.post("/rules/wc", big), 413, "larger than --max-body");
      }
    }

    @Test
    void anAcceptHeaderNamingNoFormatIs406() {
      assertError(serve.post("/rules/wc", "x".getBytes(), "Accept", "image/png"), 406, "Accept");
    }

    @Test
    void aRuleThatNeverReturnsIsCutAtTheRequestLimitAndReported() {
      HttpResponse<String> answer = serve.post("/rules/spin", "x");

      assertError(answer, 503, "odd:spin (6.6.6/");
      assertThat(answer.body()).contains("did not finish within the per-request limit of 2s");
      assertThat(serve.stderr()).contains("odd:spin (6.6.6/");
      assertThat(serve.post("/rules/wc", "a b").statusCode()).isEqualTo(200);
    }

    @Test
    void theAccessLogIsInTheCommonLogFormat() throws Exception {
      serve.post("/rules/top?n=4", "one two");

      awaitTrue(() -> read(accessLog).contains("\"POST /rules/top?n=4 HTTP/1.1\" 200 "));
      assertThat(
              read(accessLog).lines().filter(l -> l.contains("POST /rules/top?n=4 ")).findFirst())
          .get()
          .asString()
          .matches(
              "127\\.0\\.0\\.1 - - \\[\\d\\d/\\w\\w\\w/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\]"
                  + " \"POST /rules/top\\?n=4 HTTP/1\\.1\" 200 \\d+");
    }
  }
}
