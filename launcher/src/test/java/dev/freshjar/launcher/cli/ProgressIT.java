package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work shows a progress bar on a terminal (a pseudo-terminal here, through util-linux {@code
 * script}) and nothing through a pipe. The bar's delay is shortened from a second to 100 ms so that
 * the work need not last long on a fast machine; a slow one only shows more frames.
 */
class ProgressIT {
  @RegisterExtension static JarServer server = new JarServer();

  static final byte[] DOCUMENT = document(512 * 1024);

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar =
        Freshjar.withCache(dir.resolve("cache"))
            .env("FRESHJAR_JAVA_OPTS", "-Dfreshjar.progress.delayMillis=100")
            .option("--update-timeout", "60s")
            .option("--module", "text=" + Fixtures.textUtilsJar());
    // 512 KiB in 64 pieces over 3 seconds.
    server.stubFor(
        get("/book.txt")
            .willReturn(aResponse().withBody(DOCUMENT).withChunkedDribbleDelay(64, 3000)));
  }

  static byte[] document(int size) {
    byte[] text = new byte[size];
    Arrays.fill(text, (byte) 'a');
    for (int i = 7; i < size; i += 8) {
      text[i] = (byte) (i % 64 == 63 ? '\n' : ' ');
    }
    return text;
  }

  /** Everything a terminal 100 columns wide showed, standard output and error together. */
  String onTerminal(String... args) throws Exception {
    Process process = freshjar.startOnTerminal(100, args);
    process.getOutputStream().close();
    String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(shown).isZero();
    return shown;
  }

  @Test
  void aSlowDownloadOfAnInputShowsBytesAndRate() throws Exception {
    String shown = onTerminal("wc", server.baseUrl() + "/book.txt");

    assertThat(shown).containsPattern("download .*\\d+ KiB").containsPattern("KiB/s");
    assertThat(shown).contains("" + DOCUMENT.length);
  }

  @Test
  void aSlowDownloadOfAModuleShowsItsName() throws Exception {
    byte[] jar = ModuleJar.answering("slow", "s", "x").version("1.0").bytes();
    server.stubFor(
        get("/slow.jar").willReturn(aResponse().withBody(jar).withChunkedDribbleDelay(16, 2500)));

    String shown = onTerminal("--module", server.module("slow"), "update");

    assertThat(shown).contains("module slow").contains("slow: fetched 1.0/");
  }

  @Test
  void aRuleOnALargeLocalFileShowsBytesReadOfTheFilesSizeAndTimeLeft() throws Exception {
    Path large = dir.resolve("large.txt");
    try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
      // Sparse: a gigabyte that takes no disk space, read at the rule's speed.
      file.setLength(1L << 30);
    }

    String shown = onTerminal("wc", large.toString());

    assertThat(shown).containsPattern("read +\\d+% .*/1024 MiB \\(\\d+:\\d\\d:\\d\\d / ");
    assertThat(shown).contains("1073741824");
  }

  @Test
  void throughAPipeNothingIsDrawn() {
    Result run = freshjar.run("wc", server.baseUrl() + "/book.txt");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).doesNotContain("\r").contains("" + DOCUMENT.length);
  }

  @Test
  void updateQuietDrawsNothingEvenOnATerminal() throws Exception {
    byte[] jar = ModuleJar.answering("slow", "s", "x").version("1.0").bytes();
    server.stubFor(
        get("/slow.jar").willReturn(aResponse().withBody(jar).withChunkedDribbleDelay(16, 2500)));

    String shown = onTerminal("--module", server.module("slow"), "update", "--quiet");

    assertThat(shown).doesNotContain("module slow").doesNotContain("KiB");
  }
}
