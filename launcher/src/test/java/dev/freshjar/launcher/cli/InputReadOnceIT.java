package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An input that cannot be read twice (a pipe, a FIFO, process substitution, standard input) while
 * the update check brings a new jar: the rule runs early on the cached jar, is abandoned, and runs
 * again on the new one, which must see every byte, not what the early run left.
 */
class InputReadOnceIT {
  @RegisterExtension static JarServer server = new JarServer();

  // A few pipe buffers' worth, so that an early run cannot hide in one buffer.
  private static final int SIZE = 300_000;

  @TempDir Path cache;
  Freshjar freshjar;
  Path input;

  @BeforeEach
  void cacheVersionOneThenPublishVersionTwo() throws Exception {
    input = cache.resolve("input.txt");
    Files.writeString(input, "word ".repeat(SIZE / 5));
    freshjar =
        Freshjar.withCache(cache)
            .env("INPUT", input.toString())
            .env("DIR", cache.toString())
            .option("--module", server.module("count"));
    serve(counting("v1"), "v1", 0);
    assertThat(freshjar.run("update").exitCode()).isZero();
    // The check answers late: the early run on v1 has read its input by then.
    serve(counting("v2"), "v2", 1_500);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\"$@\" <(cat \"$INPUT\")",
        "mkfifo \"$DIR/fifo\" && { cat \"$INPUT\" > \"$DIR/fifo\" & } && \"$@\" \"$DIR/fifo\"",
        "cat \"$INPUT\" | \"$@\" /dev/stdin",
        "cat \"$INPUT\" | \"$@\" -",
      })
  void theNewVersionCountsEveryByte(String script) {
    Result run = freshjar.wrappedIn("bash", "-c", script, "bash").run("--format", "tsv", "count");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).as(run.toString()).isEqualTo("version\tbytes\nv2\t" + SIZE + "\n");
  }

  @Test
  void aStandardInputLargerThanWhatIsKeptBeforeTheCheckEndsIsCountedWhole() {
    // Past 64 MiB the early run waits for the check's verdict rather than fill TMPDIR.
    long size = 80_000_000;
    Result run =
        freshjar
            .wrappedIn("bash", "-c", "head -c " + size + " /dev/zero | \"$@\" -", "bash")
            .run("--format", "tsv", "count");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).as(run.toString()).isEqualTo("version\tbytes\nv2\t" + size + "\n");
  }

  @Test
  void aDownloadedInputIsFetchedOnceAndTheNewVersionCountsEveryByte() throws Exception {
    server.stubFor(get("/input.txt").willReturn(aResponse().withBody(Files.readAllBytes(input))));

    Result run = freshjar.run("--format", "tsv", "count", server.baseUrl() + "/input.txt");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).as(run.toString()).isEqualTo("version\tbytes\nv2\t" + SIZE + "\n");
    server.verify(1, getRequestedFor(urlEqualTo("/input.txt")));
  }

  void serve(byte[] jar, String etag, int delayMillis) {
    server.stubFor(
        get("/count.jar")
            .willReturn(
                aResponse()
                    .withFixedDelay(delayMillis)
                    .withHeader("ETag", "\"" + etag + "\"")
                    .withBody(jar)));
  }

  /** A module whose rule {@code count} reads its whole input and says how many bytes it read. */
  static byte[] counting(String version) {
    String pkg = "fixture.count" + version;
    String source =
        """
        package %s;
        import dev.freshjar.api.*;
        import java.io.*;
        public class Count implements Rule {
          public String name() { return "count"; }
          public String summary() { return "counts the bytes of its input"; }
          public Table apply(Input input, Arguments arguments) throws IOException {
            long bytes;
            try (InputStream in = input.openStream()) {
              bytes = in.transferTo(OutputStream.nullOutputStream());
            }
            return Table.builder(Column.text("version"), Column.integer("bytes"))
                .row("%s", bytes)
                .build();
          }
        }
        """
            .formatted(pkg, version);
    return ModuleJar.named("count").version(version).rule(pkg + ".Count", source).bytes();
  }
}
