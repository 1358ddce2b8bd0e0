package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clients still uploading when the server has its answer: they read the answer, not a reset; and
 * one that never stops uploading is cut in bounded time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeUploadsIT {
  // Well past --max-body, well within what the server reads and drops before answering.
  static final long BIG = 16L << 20;

  ServeProcess serve;

  @BeforeAll
  void start(@TempDir Path cache, @TempDir Path work) throws IOException {
    Path odd = TestModules.odd(work.resolve("odd.jar"), Files.createDirectories(work.resolve("s")));
    serve =
        ServeProcess.start(
            freshjar(cache).option("--module", "odd=" + odd),
            "--max-body",
            "2m",
            "--idle-timeout",
            "2s");
  }

  @AfterAll
  void stop() {
    serve.close();
  }

  @ParameterizedTest(name = "{0} body of {1} bytes to {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "chunked  | 16777216 | /rules/wc         | 413 | larger than --max-body (2097152 bytes)",
        "chunked  | 16777216 | /rules/nosuch     | 404 | nosuch",
        "chunked  | 16777216 | /rules/top?n=many | 400 | 'many' is not a whole number",
        "declared | 2097152  | /rules/nosuch     | 404 | nosuch",
        "declared | 2097152  | /rules/top?n=many | 400 | 'many' is not a whole number",
        "chunked  | 16777216 | /rules/first      | 200 | [{\"first\":0}]",
      })
  void aClientThatSendsItsWholeBodyBeforeReadingReadsTheAnswer(
      String framing, long size, String path, int status, String message) {
    // Repeated: whether a reset beats the answer to the client is a race.
    for (int i = 0; i < 3; i++) {
      String answer = uploadThenRead(path, framing.equals("chunked"), size);

      assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains(message);
    }
  }

  @Test
  void aClientThatWaitsFor100ContinueGetsTheErrorWithoutSendingItsBody() throws IOException {
    // curl asks so for any body over 1 MiB: an error known before the body is read is answered at
    // once, and the body never sent, rather than asked for only to be dropped.
    try (Socket socket = new Socket("127.0.0.1", serve.uri("/").getPort())) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("POST /rules/nosuch HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n"
                      + "Expect: 100-continue\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 404 ").contains("nosuch");
    }
  }

  @Test
  void aClientUploadingForeverIsCutAfterABoundedAmountAndOthersAreServed() throws Exception {
    Duration cut = uploadUntilCut(64 * 1024, Duration.ZERO);

    assertThat(cut).as("cut well within the client's patience").isLessThan(Duration.ofSeconds(60));
    assertThat(serve.post("/rules/wc", "a b").statusCode()).isEqualTo(200);
  }

  @Test
  void aClientTricklingForeverIsCutInBoundedTimeWhileOthersAreServed() throws Exception {
    // Never idle for the idle timeout (2s), never reaching the byte bound: only a time bound cuts.
    CompletableFuture<Duration> trickle =
        CompletableFuture.supplyAsync(
            () -> uploadUntilCut(100, Duration.ofMillis(200)), Executors.newSingleThreadExecutor());

    assertThat(serve.post("/rules/wc", "a b").statusCode()).isEqualTo(200);
    assertThat(trickle.get()).as("cut in bounded time").isLessThan(Duration.ofSeconds(30));
  }

  /**
   * What a simple client does (Python's http.client, for one): sends the whole body, then reads the
   * answer. Returns the answer as text.
   */
  private String uploadThenRead(String path, boolean chunked, long size) {
    try (Socket socket = new Socket("127.0.0.1", serve.uri("/").getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size;
      out.write(
          ("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] data = new byte[64 * 1024];
      try {
        for (long sent = 0; sent < size; sent += data.length) {
          int n = (int) Math.min(data.length, size - sent);
          if (chunked) {
            writeChunk(out, data, n);
          } else {
            out.write(data, 0, n);
          }
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException e) {
        throw new AssertionError("the connection broke while the client was uploading", e);
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("reading the answer failed", e);
    }
  }

  /**
   * Sends a chunked body past --max-body at once, then a chunk of {@code chunk} bytes every {@code
   * pause} until the server stops taking them; returns how long it took them.
   */
  private Duration uploadUntilCut(int chunk, Duration pause) {
    try (Socket socket = new Socket("127.0.0.1", serve.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "POST /rules/wc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] data = new byte[64 * 1024];
      long start = System.nanoTime();
      long giveUp = start + Duration.ofSeconds(120).toNanos();
      long sent = 0;
      while (System.nanoTime() < giveUp) {
        try {
          if (sent <= 3 << 20) {
            writeChunk(out, data, data.length);
            sent += data.length;
          } else {
            writeChunk(out, data, chunk);
            Thread.sleep(pause.toMillis());
          }
        } catch (IOException e) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      }
      throw new AssertionError("the server still took the body after 120s");
    } catch (IOException e) {
      throw new AssertionError("could not connect", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void writeChunk(OutputStream out, byte[] data, int length) throws IOException {
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data, 0, length);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
