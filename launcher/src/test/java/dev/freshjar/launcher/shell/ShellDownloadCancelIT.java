package dev.freshjar.launcher.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ShellProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C while the shell downloads a document from a server that has stopped sending: the prompt
 * comes back at once (not when the download's 30 s read timeout fires), nothing of the document is
 * kept, and the next command on the URL downloads it whole.
 */
class ShellDownloadCancelIT {
  private static final String CTRL_C = "\u0003";
  private static final String BODY = "b a b c b a\n";

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
  }

  /** Where the server stops: before its answer's headers, or in the middle of its body. */
  enum Stall {
    BEFORE_THE_HEADERS(() -> aResponse().withBody(BODY).withFixedDelay(120_000)),
    IN_THE_BODY(() -> aResponse().withBody(BODY.repeat(1000)).withChunkedDribbleDelay(2, 240_000));

    final Supplier<ResponseDefinitionBuilder> answer;

    Stall(Supplier<ResponseDefinitionBuilder> answer) {
      this.answer = answer;
    }
  }

  @ParameterizedTest
  @EnumSource(Stall.class)
  void ctrlCStopsTheDownloadAtOnceAndKeepsNothingOfIt(Stall stall) throws Exception {
    String url = server.baseUrl() + "/doc.txt";
    server.stubFor(get("/doc.txt").willReturn(stall.answer.get()));
    try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
      shell.awaitOut(TerminalLines.PROMPT);
      shell.send("set n 2");
      shell.awaitOut(TerminalLines.PROMPT);
      shell.send("wc " + url);
      ShellIT.awaitTrue(
          () -> !server.findAll(getRequestedFor(urlEqualTo("/doc.txt"))).isEmpty(),
          "the download started");
      shell.type(CTRL_C);

      assertThat(shell.awaitOut("cancelled"))
          .as(shell.toString())
          .contains("download of " + url)
          .doesNotContain("timeout")
          .doesNotContain("lines");
      shell.awaitOut(TerminalLines.PROMPT);

      server.stubFor(get("/doc.txt").willReturn(aResponse().withBody(BODY)));
      shell.send("docs");
      assertThat(shell.awaitOut(TerminalLines.PROMPT)).doesNotContain(url);
      shell.send("wc " + url);
      assertThat(shell.awaitOut(TerminalLines.PROMPT)).containsPattern("\\s1\\s+6\\s+12\\s+12\\s");
      shell.send("set");
      assertThat(shell.awaitOut(TerminalLines.PROMPT)).containsPattern("n\\s+2");
      shell.send("quit");
      assertThat(shell.waitForExit()).as(shell.toString()).isZero();
    }
    List<String> history = Files.readAllLines(work.resolve("state/freshjar/history"));
    assertThat(history).anyMatch(line -> line.endsWith(":set n 2"));
  }

  @Test
  void ctrlCDuringARefetchKeepsTheCopyFetchedBefore() throws Exception {
    String url = server.baseUrl() + "/doc.txt";
    server.stubFor(get("/doc.txt").willReturn(aResponse().withBody(BODY)));
    try (ShellProcess shell = ShellProcess.onTerminal(freshjar)) {
      shell.awaitOut(TerminalLines.PROMPT);
      shell.send("wc " + url);
      shell.awaitOut(TerminalLines.PROMPT);
      server.stubFor(get("/doc.txt").willReturn(Stall.IN_THE_BODY.answer.get()));
      shell.send("refetch " + url);
      ShellIT.awaitTrue(
          () -> server.findAll(getRequestedFor(urlEqualTo("/doc.txt"))).size() == 2,
          "the refetch started");
      shell.type(CTRL_C);

      assertThat(shell.awaitOut("cancelled")).as(shell.toString()).doesNotContain("timeout");
      shell.awaitOut(TerminalLines.PROMPT);
      shell.send("wc " + url);
      assertThat(shell.awaitOut(TerminalLines.PROMPT)).containsPattern("\\s1\\s+6\\s+12\\s+12\\s");
      shell.send("quit");
      assertThat(shell.waitForExit()).as(shell.toString()).isZero();
    }
    // The last wc read the copy fetched first: it asked the server nothing.
    server.verify(moreThanOrExactly(2), getRequestedFor(urlEqualTo("/doc.txt")));
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/doc.txt")))).hasSize(2);
  }
}
