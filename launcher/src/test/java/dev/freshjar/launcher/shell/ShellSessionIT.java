package dev.freshjar.launcher.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.ShellProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session as a user lives it through the real {@code bin/freshjar shell}: Ctrl-C on a running
 * command, leaving, the greeting, and JSON results a script can read line by line.
 */
class ShellSessionIT {
  private static final String CTRL_C = "\u0003";
  private static final String CTRL_D = "\u0004";

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path cache;
  @TempDir Path work;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar =
        ShellModules.freshjar(cache, server)
            .env("XDG_STATE_HOME", work.resolve("state").toString())
            .env("TERM", "xterm");
    server.stubFor(get("/doc.txt").willReturn(aResponse().withBody("b a b c b a\n")));
  }

  String docUrl() {
    return server.baseUrl() + "/doc.txt";
  }

  static void serve(byte[] jar) {
    server.serve("greet", jar, "g");
  }

  /**
   * A greet module whose rule reads its input, creates {@code started}, then waits for {@code
   * latch}; it stops when interrupted unless {@code ignoresInterrupts}.
   */
  static byte[] slowGreet(Path started, Path latch, boolean ignoresInterrupts) {
    String onInterrupt = ignoresInterrupts ? "" : "throw new IOException(\"interrupted\", e);";
    String source =
        """
        package slow;
        import dev.freshjar.api.*;
        import java.io.*;
        import java.nio.file.*;
        public class Slow implements Rule {
          public String name() { return "greet"; }
          public String summary() { return "answers once let go"; }
          public Table apply(Input input, Arguments arguments) throws IOException {
            try (InputStream in = input.openStream()) { in.readAllBytes(); }
            Files.createFile(Path.of("%s"));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(Path.of("%s")) && System.nanoTime() < deadline) {
              try { Thread.sleep(20); } catch (InterruptedException e) { %s }
            }
            return Table.builder(Column.text("answer")).row("slow-1").build();
          }
        }
        """
            .formatted(started, latch, onInterrupt);
    return ModuleJar.named("greet").version("1.0").rule("slow.Slow", source).bytes();
  }

  @Nested
  class CtrlC {
    @Test
    void cancelsTheRunningCommandAndKeepsTheSessionsDocumentsAndSettings() throws Exception {
      Path started = work.resolve("started");
      serve(slowGreet(started, work.resolve("never"), false));
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("set format tsv");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("greet " + docUrl());
        ShellIT.awaitTrue(() -> Files.exists(started), "the slow rule started");
        shell.type(CTRL_C);

        assertThat(shell.awaitOut("cancelled")).doesNotContain("slow-1");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("top " + docUrl());
        assertThat(shell.awaitOut("c\t1")).contains("word\tcount").contains("b\t3");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("quit");
        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      }
      server.verify(1, getRequestedFor(urlEqualTo("/doc.txt")));
      List<String> history = Files.readAllLines(work.resolve("state/freshjar/history"));
      assertThat(history).anyMatch(line -> line.endsWith(":greet " + docUrl()));
    }

    @Test
    void aRuleThatIgnoresItIsAbandonedWithAMessageAndTheSessionGoesOn() throws Exception {
      Path started = work.resolve("started");
      serve(slowGreet(started, work.resolve("never"), true));
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("greet README.md");
        ShellIT.awaitTrue(() -> Files.exists(started), "the slow rule started");
        shell.type(CTRL_C);

        assertThat(shell.awaitOut("left running")).contains("greet:greet did not stop");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("wc README.md");
        shell.awaitOut("lines");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("quit");
        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      }
    }

    @Test
    void stopsAnUpdateWaitingForASlowServerAndTheModuleKeepsItsVersion() throws Exception {
      serve(ModuleJar.answering("greet", "greet", "hello-1").bytes());
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        shell.awaitOut(TerminalLines.PROMPT);
        server.stubFor(
            get("/greet.jar")
                .willReturn(
                    aResponse()
                        .withFixedDelay(120_000)
                        .withBody(ModuleJar.answering("greet", "greet", "hello-2").bytes())));
        shell.send("update");
        ShellIT.awaitTrue(
            () -> server.findAll(getRequestedFor(urlEqualTo("/greet.jar"))).size() >= 2,
            "the update asked the slow server");
        shell.type(CTRL_C);

        assertThat(shell.awaitOut(TerminalLines.PROMPT))
            .containsPattern(
                "greet: failed: interrupted while checking for updates;"
                    + " still running 1\\.0/[0-9a-f]{12}\r?\n");
        shell.send("greet README.md");
        assertThat(shell.awaitOut("hello-1")).doesNotContain("hello-2");
        shell.awaitOut(TerminalLines.PROMPT);
        shell.send("quit");
        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      }
    }

    @Test
    void aSecondCtrlCTypedTheMomentTheHintAppearsLeaves() {
      serve(ModuleJar.answering("greet", "greet", "hello-1").bytes());
      // A terminal of no known size: JLine takes longest there between giving the terminal back
      // and reading again, which is when a second Ctrl-C used to be lost as a bare SIGINT.
      for (int round = 0; round < 3; round++) {
        try (ShellProcess shell = ShellProcess.onTerminal(freshjar, 0)) {
          shell.awaitOut(TerminalLines.PROMPT);
          shell.type(CTRL_C);
          shell.awaitOut("Ctrl-C again");
          shell.type(CTRL_C);

          assertThat(shell.waitForExit()).as(shell.toString()).isZero();
        }
      }
    }

    @Test
    void twiceAtAnEmptyPromptLeavesTheSession() {
      serve(ModuleJar.answering("greet", "greet", "hello-1").bytes());
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        shell.awaitOut(TerminalLines.PROMPT);
        shell.type(CTRL_C);
        shell.awaitOut("Ctrl-C again");
        shell.type(CTRL_C);

        assertThat(shell.waitForExit()).as(shell.toString()).isZero();
      }
    }
  }

  @Nested
  class OnATerminal {
    @Test
    void theSessionGreetsWithWhatIsLoadedAndAnUnknownCommandPointsAtHelp() {
      serve(ModuleJar.answering("greet", "greet", "hello-1").bytes());
      try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
        assertThat(shell.awaitOut(TerminalLines.PROMPT))
            .contains("freshjar shell: 4 rules from 2 modules; type help");
        shell.send("updte");
        assertThat(shell.awaitOut(TerminalLines.PROMPT)).contains("updte").contains("help");
        shell.send("set n 2");
        assertThat(shell.awaitOut(TerminalLines.PROMPT)).contains("n is now 2");
        shell.type(CTRL_D);

        assertThat(shell.waitForExit()).as("a typo is no failure of the session").isZero();
      }
    }
  }

  /** Whether {@code line} is exactly one JSON value, with nothing before or after it. */
  static boolean oneJsonDocument(String line) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(line)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      return false;
    }
  }

  @Nested
  class ThroughAPipe {
    @Test
    void jsonResultsAreOneDocumentPerLineAndStatusGoesToStandardError() throws IOException {
      serve(ModuleJar.answering("greet", "greet", "hello-1").bytes());
      Freshjar.Result run =
          freshjar
              .option("--format", "json")
              .stdin(
                  "top 2 "
                      + docUrl()
                      + "\nupdate\nset n 1\nwc "
                      + docUrl()
                      + "\nrefetch "
                      + docUrl()
                      + "\ntop "
                      + docUrl()
                      + "\nrules\n")
              .run("shell");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      List<String> documents = new ArrayList<>();
      for (String line : run.stdout().split("\n")) {
        assertThat(oneJsonDocument(line)).as(line).isTrue();
        documents.add(line);
      }
      assertThat(documents).hasSize(4);
      assertThat(documents.get(0))
          .isEqualTo("[{\"word\":\"b\",\"count\":3},{\"word\":\"a\",\"count\":2}]");
      assertThat(documents.get(2)).isEqualTo("[{\"word\":\"b\",\"count\":3}]");
      assertThat(run.stderr()).contains("text: unchanged, ").contains("fetched " + docUrl());
    }

    @Test
    void anOldVersionThatLeftThreadsRunningIsNamedOnceAfterTheUpdate() {
      serve(ModuleJar.leavingAThread("greet", "1.0", false).bytes());
      try (ShellProcess shell = ShellProcess.piped(freshjar)) {
        shell.send("tick README.md").awaitOut("ticking");
        serve(ModuleJar.leavingAThread("greet", "2.0", false).bytes());
        shell.send("update").awaitOut("greet: updated from 1.0/");
        String warning = shell.awaitErr("tick-1.0") + shell.awaitErr("\n");
        shell.send("tick README.md").awaitOut("ticking");
        serve(ModuleJar.leavingAThread("greet", "1.0", false).bytes());
        shell.send("update").awaitOut("greet: updated from 2.0/");
        String second = shell.awaitErr("tick-2.0");

        assertThat(warning)
            .containsPattern("warning: greet: version 1\\.0/[0-9a-f]{12} cannot be unloaded")
            .contains("while its threads run: tick-1.0 (the module started them");
        assertThat(second).doesNotContain("tick-1.0");
        assertThat(shell.finish()).as(shell.toString()).isZero();
      }
    }
  }
}
