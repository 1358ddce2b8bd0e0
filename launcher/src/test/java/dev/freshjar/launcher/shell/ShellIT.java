package dev.freshjar.launcher.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.OpenFiles;
import dev.freshjar.launcher.fixtures.ShellProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code bin/freshjar shell}, driven through a pipe or a pseudo-terminal, against a
 * loopback server whose module jar is replaced between commands.
 */
class ShellIT {
  @RegisterExtension static JarServer server = new JarServer();

  static byte[] greetV1;
  static byte[] greetV2;

  @TempDir Path cache;
  @TempDir Path work;
  Freshjar freshjar;

  @BeforeAll
  static void buildModules() {
    greetV1 = ModuleJar.answering("greet", "greet", "hello-1").version("1.0").bytes();
    greetV2 = ModuleJar.answering("greet", "greet", "hello-2").version("2.0").bytes();
  }

  @BeforeEach
  void setUp() {
    freshjar = ShellModules.freshjar(cache, server);
  }

  static void serve(byte[] jar, String etag) {
    server.serve("greet", jar, etag);
  }

  String docUrl() {
    return server.baseUrl() + "/doc.txt";
  }

  @Nested
  class ThroughAPipe {
    @Test
    void afterUpdateTheNextCommandRunsTheNewCodeWithDocumentsAndSettingsIntact() {
      serve(greetV1, "v1");
      server.stubFor(get("/doc.txt").willReturn(aResponse().withBody("b a b c b a\n")));
      try (ShellProcess shell = ShellProcess.piped(freshjar)) {
        shell.send("set format tsv").send("set n 2").send("top " + docUrl());
        assertThat(shell.awaitOut("a\t2\n")).isEqualTo("word\tcount\nb\t3\na\t2\n");
        shell.send("greet " + docUrl());
        assertThat(shell.awaitOut("hello-1\n")).isEqualTo("answer\nhello-1\n");

        serve(greetV2, "v2");
        shell.send("update");
        String update = shell.awaitOut("greet: updated from 1.0/");
        shell.awaitOut("\n");
        shell.send("greet " + docUrl()).send("top " + docUrl()).send("set");

        assertThat(update).contains("text: unchanged, 0.1.0/");
        assertThat(shell.awaitOut("hello-2\n")).isEqualTo("answer\nhello-2\n");
        assertThat(shell.awaitOut("a\t2\n")).isEqualTo("word\tcount\nb\t3\na\t2\n");
        assertThat(shell.awaitOut("n\t2\n")).isEqualTo("setting\tvalue\nformat\ttsv\nn\t2\n");
        assertThat(shell.finish()).as(shell.toString()).isZero();
        assertThat(shell.stderr()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/doc.txt")));
      }
    }

    @Test
    void theUpdateLineGivesTheVersionAndShaOnBothSides() {
      serve(greetV1, "v1");
      try (ShellProcess shell = ShellProcess.piped(freshjar)) {
        shell.send("greet README.md").awaitOut("hello-1");
        serve(greetV2, "v2");
        shell.send("U");
        String line = shell.awaitOut("greet: updated") + shell.awaitOut("\n");

        assertThat(line)
            .matches("(?s).*greet: updated from 1\\.0/[0-9a-f]{12} to 2\\.0/[0-9a-f]{12}\n");
        shell.send("modules");
        assertThat(shell.awaitOut("greet ")).contains("text ");
        assertThat(shell.awaitOut("\n")).contains("2.0").contains("fresh");
        assertThat(shell.finish()).isZero();
      }
    }

    @ParameterizedTest
    @MethodSource("dev.freshjar.launcher.fixtures.BadModules#kinds")
    void aBadNewVersionIsRefusedAndTheOldOneKeepsServing(ModuleJar bad, String reason) {
      serve(greetV1, "v1");
      try (ShellProcess shell = ShellProcess.piped(freshjar)) {
        shell.send("greet README.md");
        shell.awaitOut("hello-1");

        serve(bad.bytes(), "bad");
        shell.send("update");
        String line = shell.awaitOut("greet: failed: ") + shell.awaitOut("\n");
        shell.send("greet README.md");

        assertThat(line).contains(reason).containsPattern("; still running 1\\.0/[0-9a-f]{12}\n$");
        assertThat(shell.awaitOut("hello-1")).doesNotContain("error");
        assertThat(shell.finish()).as(shell.toString()).isZero();
      }
    }

    @Test
    void aRuleThatThrowsWhileRunningIsReportedAndTheShellGoesOn() {
      String throwing =
          """
          package boom;
          import dev.freshjar.api.*;
          public class Boom implements Rule {
            public String name() { return "boom"; }
            public String summary() { return "always fails"; }
            public Table apply(Input input, Arguments arguments) {
              throw new IllegalStateException("the rule broke");
            }
          }
          """;
      serve(greetV1, "v1");
      server.stubFor(
          get("/boom.jar")
              .willReturn(
                  aResponse()
                      .withBody(ModuleJar.named("boom").rule("boom.Boom", throwing).bytes())));
      Freshjar both =
          Freshjar.withCache(cache)
              .option(
                  "--update-timeout",
                  "60s",
                  "--module",
                  "boom=" + server.baseUrl() + "/boom.jar",
                  "--module",
                  "greet=" + server.baseUrl() + "/greet.jar");
      try (ShellProcess shell = ShellProcess.piped(both)) {
        shell.send("boom README.md").send("greet README.md");

        assertThat(shell.awaitErr("\n"))
            .matches(
                "error: line 1: boom:boom \\(1\\.0/[0-9a-f]{12}\\) failed:"
                    + " java\\.lang\\.IllegalStateException: the rule broke\n");
        assertThat(shell.awaitOut("hello-1")).contains("answer");
        assertThat(shell.finish()).as("the first failure's status").isEqualTo(1);
      }
    }

    @Test
    void endOfInputEndsTheSessionWithTheStatusOfTheFirstFailedCommand() {
      serve(greetV1, "v1");
      Freshjar.Result run =
          freshjar.stdin("nonsense\ngreet no-such-file\ngreet README.md\n").run("shell");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stdout()).contains("hello-1");
      assertThat(run.stderr())
          .contains("error: line 1: unknown command 'nonsense'")
          .contains("error: line 2: no such file: no-such-file");
    }
  }

  @Nested
  class Watching {
    @Test
    void aNewVersionIsPickedUpBetweenCommandsAndAnnounced() {
      serve(greetV1, "v1");
      try (ShellProcess shell = ShellProcess.piped(freshjar, "--watch", "200ms")) {
        shell.send("greet README.md");
        shell.awaitOut("hello-1");

        serve(greetV2, "v2");
        String announcement = shell.awaitErr("watch: greet: updated from 1.0/");
        shell.send("greet README.md");

        assertThat(announcement).doesNotContain("error");
        assertThat(shell.awaitOut("hello-2")).doesNotContain("hello-1");
        assertThat(shell.finish()).isZero();
      }
    }

    @Test
    void aBadNewVersionIsAnnouncedOnceAndTheOldOneKeepsServing() throws Exception {
      serve(greetV1, "v1");
      try (ShellProcess shell = ShellProcess.piped(freshjar, "--watch", "200ms")) {
        shell.send("greet README.md");
        shell.awaitOut("hello-1");

        server.stubFor(
            get("/greet.jar")
                .willReturn(
                    aResponse()
                        .withBody(ModuleJar.named("greet").service("ghost.Missing").bytes())));
        String failure = shell.awaitErr("watch: greet: failed: rejected: ") + shell.awaitErr("\n");
        awaitTrue(
            () -> server.findAll(getRequestedFor(urlEqualTo("/greet.jar"))).size() >= 6,
            "a few more rounds of the watcher");
        shell.send("greet README.md");
        shell.awaitOut("hello-1");
        serve(greetV2, "v2");
        shell.awaitErr("watch: greet: updated from 1.0/");

        assertThat(failure).contains("ghost.Missing").contains("; still running 1.0/");
        assertThat(shell.stderr().split("failed", -1)).as("failure announcements").hasSize(2);
        assertThat(shell.finish()).isZero();
      }
    }

    @Test
    void aCommandRunningWhenAnUpdateArrivesFinishesOnTheVersionItStartedWith() throws Exception {
      Path started = work.resolve("started");
      Path latch = work.resolve("latch");
      serve(slowGreet(started, latch), "slow");
      try (ShellProcess shell = ShellProcess.piped(freshjar, "--watch", "200ms")) {
        shell.send("greet README.md");
        awaitTrue(() -> Files.exists(started), "the slow rule started");

        serve(greetV2, "v2");
        awaitTrue(() -> objects(cache) == 3, "the watcher fetched the new version meanwhile");
        Files.createFile(latch);

        assertThat(shell.awaitOut("slow-1")).doesNotContain("hello-2");
        assertThat(shell.awaitErr("watch: greet: updated from 1.0/")).doesNotContain("error");
        shell.send("greet README.md");
        assertThat(shell.awaitOut("hello-2")).doesNotContain("slow-1");
        assertThat(shell.finish()).as(shell.toString()).isZero();
      }
    }
  }

  @Nested
  class OnATerminal {
    @Test
    void thePromptCompletesRuleNamesKeepsHistoryAndUpdatesInPlace() throws IOException {
      serve(greetV1, "v1");
      Path state = work.resolve("state");
      freshjar.env("XDG_STATE_HOME", state.toString()).env("TERM", "xterm");
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        shell.awaitOut(TerminalLines.PROMPT);
        shell.type("gre\t").send(" README.md");
        shell.awaitOut("hello-1");
        shell.awaitOut(TerminalLines.PROMPT);

        serve(greetV2, "v2");
        shell.send("update");
        shell.awaitOut("greet: updated from 1.0/");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("greet README.md");
        shell.awaitOut("hello-2");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("quit");

        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      }
      List<String> history = Files.readAllLines(state.resolve("freshjar/history"));
      // Each line is "TIME:COMMAND"; the completed line's spacing is JLine's business.
      assertThat(history)
          .map(line -> line.substring(line.indexOf(':') + 1).replaceAll(" +", " "))
          .containsExactly("greet README.md", "update", "greet README.md", "quit");
    }
  }

  @Nested
  class TheOldVersionIsReallyGone {
    @Test
    void twoHundredReloadsUnderASmallMetaspaceLeaveTheProcessHealthyAndNoOldJarOpen()
        throws Exception {
      byte[] one = ballasted("one");
      byte[] two = ballasted("two");
      Path unloadLog = work.resolve("unload.log");
      // Makes sure the class-data archive exists, so that the shell runs as users' shells do.
      freshjar.run("--offline", "rules");
      freshjar.env(
          "FRESHJAR_JAVA_OPTS",
          "-XX:MaxMetaspaceSize=32m -Xlog:class+unload=info:file=" + unloadLog);
      serve(one, "one");
      try (ShellProcess shell = ShellProcess.piped(freshjar)) {
        shell.send("greet README.md").awaitOut("ballast-one");
        for (int i = 1; i <= 200; i++) {
          serve(i % 2 == 1 ? two : one, i % 2 == 1 ? "two" : "one");
          shell.send("update");
          shell.awaitOut("greet: updated from ");
        }
        shell.send("greet README.md");
        shell.awaitOut("ballast-one");

        List<Path> open = new ArrayList<>();
        for (long pid : shell.pids()) {
          for (Path jar : jars(cache)) {
            open.addAll(OpenFiles.of(pid, jar));
          }
        }
        assertThat(open).as("descriptors on cached jars: text's and greet's current").hasSize(2);
        shell.send("quit");
        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
        assertThat(shell.stderr()).isEmpty();
      }
      try (Stream<String> lines = Files.lines(unloadLog)) {
        assertThat(lines.filter(line -> line.contains("fixture.greet")).count())
            .as("classes of old greet versions unloaded")
            .isGreaterThan(100);
      }
    }
  }

  /**
   * A greet module whose rule blocks until {@code latch} exists, having created {@code started}.
   */
  static byte[] slowGreet(Path started, Path latch) {
    String source =
        """
        package slow;
        import dev.freshjar.api.*;
        import java.io.IOException;
        import java.nio.file.*;
        public class Slow implements Rule {
          public String name() { return "greet"; }
          public String summary() { return "answers once let go"; }
          public Table apply(Input input, Arguments arguments) throws IOException {
            Files.createFile(Path.of("%s"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(Path.of("%s"))) {
              if (System.nanoTime() > deadline) throw new IOException("never let go");
              try { Thread.sleep(20); } catch (InterruptedException e) { throw new IOException(e); }
            }
            return Table.builder(Column.text("answer")).row("slow-1").build();
          }
        }
        """
            .formatted(started, latch);
    return ModuleJar.named("greet").version("1.0").rule("slow.Slow", source).bytes();
  }

  /**
   * A greet module with 60 classes of 30 methods each that its rule loads when it is created: a
   * leaked version costs the metaspace dearly.
   */
  static byte[] ballasted(String answer) {
    String pkg = "fixture.greet." + answer;
    StringBuilder touch = new StringBuilder();
    ModuleJar jar = ModuleJar.named("greet").version(answer.equals("one") ? "1.0" : "2.0");
    for (int c = 0; c < 60; c++) {
      StringBuilder body = new StringBuilder("package " + pkg + ";\npublic class B" + c + " {\n");
      for (int m = 0; m < 30; m++) {
        body.append("  public static String m")
            .append(m)
            .append("(int x) { String s = \"")
            .append(answer)
            .append('-')
            .append(c)
            .append('-')
            .append(m)
            .append("\"; for (int i = 0; i < x; i++) { s = s + i + s.length(); } return s; }\n");
      }
      jar.source(pkg + ".B" + c, body.append("}\n").toString());
      touch.append("B").append(c).append(".m0(0); ");
    }
    String rule =
        """
        package %s;
        import dev.freshjar.api.*;
        public class Ballast implements Rule {
          public Ballast() { %s }
          public String name() { return "greet"; }
          public String summary() { return "answers, heavily"; }
          public Table apply(Input input, Arguments arguments) {
            return Table.builder(Column.text("answer")).row("ballast-%s").build();
          }
        }
        """
            .formatted(pkg, touch, answer);
    return jar.rule(pkg + ".Ballast", rule).bytes();
  }

  static List<Path> jars(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("objects"))) {
      return files.toList();
    }
  }

  static long objects(Path cache) {
    try {
      return jars(cache).size();
    } catch (IOException e) {
      return -1;
    }
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60s: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
