package dev.freshjar.launcher.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.freshjar.launcher.serve.ServeChecks.awaitTrue;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static dev.freshjar.launcher.serve.ServeChecks.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * New module versions published while clients keep asking: every answer is right and says which
 * version gave it, and the old versions are really gone afterwards.
 */
class ServeReloadIT {
  @RegisterExtension static JarServer server = new JarServer();

  static final int CLIENTS = 8;
  static final int REQUESTS = 50;
  static final int VERSIONS = 5;
  static final Pattern ANSWER =
      Pattern.compile("\\[\\{\"answer\":\"answer-(\\d)\",\"bytes\":(\\d+)}]\n");
  static final Pattern HEADER = Pattern.compile("count (\\d)/([0-9a-f]{64})");

  static final List<byte[]> jars = new ArrayList<>();
  static final List<String> shas = new ArrayList<>();

  @TempDir Path cache;
  @TempDir Path work;

  @BeforeAll
  static void buildVersions() throws Exception {
    for (int v = 1; v <= VERSIONS; v++) {
      byte[] jar = TestModules.counting(Integer.toString(v), "answer-" + v);
      jars.add(jar);
      shas.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
    }
  }

  static void publish(int version) {
    server.stubFor(
        get("/count.jar")
            .willReturn(
                aResponse()
                    .withHeader("ETag", "\"v" + version + "\"")
                    .withBody(jars.get(version - 1))));
  }

  @Test
  void aLastingFailureIsToldOnceByWatchEvenWhenTheServersWordsChange() throws Exception {
    publish(1);
    try (ServeProcess serve =
        ServeProcess.start(
            freshjar(cache).option("--module", server.module("count")), "--watch", "200ms")) {
      // From now on the server fails every check, in other words each time.
      String state = Scenario.STARTED;
      for (int i = 1; i <= 8; i++) {
        String next = i == 8 ? state : "check " + i;
        server.stubFor(
            get("/count.jar")
                .inScenario("busy")
                .whenScenarioStateIs(state)
                .willSetStateTo(next)
                .willReturn(aResponse().withStatus(503).withStatusMessage("busy, try " + i)));
        state = next;
      }
      awaitTrue(() -> server.findAll(getRequestedFor(urlEqualTo("/count.jar"))).size() >= 9);

      assertThat(Pattern.compile("watch: count: failed").matcher(serve.stderr()).results().count())
          .as(serve.stderr())
          .isEqualTo(1);
    }
  }

  @Test
  void underLoadEveryAnswerIsRightAndOldVersionsAreCollectedAndClosed() throws Exception {
    publish(1);
    Path unloads = work.resolve("unload.log");
    try (ServeProcess serve =
        ServeProcess.start(
            freshjar(cache)
                .option("--module", server.module("count"))
                .env("FRESHJAR_JAVA_OPTS", "-Xlog:class+unload=info:file=" + unloads),
            "--watch",
            "500ms")) {
      Set<Integer> seen = ConcurrentHashMap.newKeySet();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        results.add(clients.submit(() -> ask(serve, client, seen)));
      }
      // Versions 2 and 4 by POST /update, 3 and 5 by --watch; each is seen by a client before
      // the next is published, so that every swap happens under load.
      for (int v = 2; v <= VERSIONS; v++) {
        publish(v);
        if (v % 2 == 0) {
          HttpResponse<String> update = serve.post("/update", "");
          // Updated by this request, or just before it by --watch: either way, v serves now.
          assertThat(update.body())
              .contains("\"version\":\"" + v + "/" + shas.get(v - 1).substring(0, 12) + "\"");
        }
        int version = v;
        awaitTrue(() -> seen.contains(version));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> result : results) {
        wrong.addAll(result.get(5, TimeUnit.MINUTES));
      }
      clients.shutdown();

      assertThat(wrong).as("wrong answers").isEmpty();
      assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
      assertThat(serve.stderr()).contains("freshjar: watch: count: updated from ");

      // Old loaders are closed once drained: only the current jars stay open.
      awaitTrue(() -> openJars(serve.pid()).size() == 2);
      assertThat(openJars(serve.pid()))
          .containsExactlyInAnyOrder(
              shas.get(VERSIONS - 1) + ".jar", ServeChecks.sha256(textJar()) + ".jar");
      // And collected: a full GC unloads the old versions' classes.
      gc(serve.pid());
      // Each version's classes are loaded twice: by the cache's check of the download, in a
      // throwaway loader, and to serve. The old versions lose both; the current one keeps one.
      awaitTrue(
          () -> Stream.of("1", "2", "3", "4").allMatch(v -> unloads(unloads, v) >= 2),
          () -> read(unloads));
      assertThat(unloads(unloads, "5")).isLessThanOrEqualTo(1);
      assertThat(serve.post("/rules/count", "abc").body())
          .isEqualTo("[{\"answer\":\"answer-5\",\"bytes\":3}]\n");
    }
  }

  /** One client's requests; what was wrong with any answer. */
  static List<String> ask(ServeProcess serve, int client, Set<Integer> seen) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String body = "client " + client + " request " + i + " " + "x".repeat(i * 37);
      HttpResponse<String> answer = serve.post("/rules/count", body);
      Matcher result = ANSWER.matcher(answer.body());
      Matcher header = HEADER.matcher(answer.headers().firstValue("Freshjar-Module").orElse(""));
      if (answer.statusCode() != 200 || !result.matches() || !header.matches()) {
        wrong.add(answer.statusCode() + " " + answer.body() + " " + answer.headers().map());
        continue;
      }
      int version = Integer.parseInt(result.group(1));
      if (!header.group(1).equals(result.group(1))
          || !header.group(2).equals(shas.get(version - 1))
          || Long.parseLong(result.group(2)) != body.length()) {
        wrong.add("inconsistent: " + answer.body() + " under " + header.group());
      }
      seen.add(version);
      Thread.sleep(30);
    }
    return wrong;
  }

  /** The cached jars process {@code pid} has a descriptor on, by file name, deleted ones too. */
  Set<String> openJars(long pid) {
    String objects = cache.toAbsolutePath().resolve("objects").toString();
    Set<String> open = new java.util.HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(objects)) {
            open.add(Path.of(target.replace(" (deleted)", "")).getFileName().toString());
          }
        } catch (IOException e) {
          // Closed while we listed: not open, which is what we look for.
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return open;
  }

  static Path textJar() {
    return dev.freshjar.launcher.fixtures.Fixtures.textUtilsJar();
  }

  /** Runs a full collection in {@code pid} with the JDK's own jcmd, as an operator would. */
  static void gc(long pid) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }

  /** How many times the log says the rule class of the count module's {@code version} unloaded. */
  static long unloads(Path log, String version) {
    String rule = "fixture.count.v" + version + ".Count ";
    try (Stream<String> lines = Files.exists(log) ? Files.lines(log) : Stream.empty()) {
      return lines.filter(line -> line.contains(rule)).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
