package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input whose server breaks the HTTP exchange (a chunked body cut off before its last chunk,
 * headers that never end, a body compressed in a way nobody asked for) fails with words that say
 * what happened, never Java's {@code null} or OkHttp's internal {@code \n not found: limit=...
 * content=...} hex dump, and never with counts of the compressed bytes.
 */
class BrokenDownloadIT {
  @TempDir Path cache;
  ServerSocket server;
  volatile byte[] answer;
  Thread serving;

  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "broken-http");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  /** Answers every connection with {@link #answer}, whatever it asked, then hangs up. */
  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        InputStream in = client.getInputStream();
        byte[] request = new byte[8192];
        in.read(request);
        OutputStream out = client.getOutputStream();
        out.write(answer);
        out.flush();
      } catch (IOException e) {
        // The client hung up, or the test is over.
      }
    }
  }

  private Result wc() {
    String url = "http://127.0.0.1:" + server.getLocalPort() + "/doc.txt";
    return Freshjar.withCache(cache).run("wc", url);
  }

  @Test
  void aChunkedBodyCutOffSaysItBrokeOff() {
    String body = "one two three\n".repeat(100);
    answer =
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length())
                + "\r\n"
                + body
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    Result run = wc();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .doesNotContain("null")
        .contains("broke off after 1400 bytes")
        .contains("try again");
  }

  @Test
  void headersThatNeverEndAreNamedAsSuch() {
    answer =
        ("HTTP/1.1 200 OK\r\nX-Filler: "
                + "a".repeat(400_000)
                + "\r\nContent-Length: 5\r\n\r\nhello")
            .getBytes(StandardCharsets.US_ASCII);

    Result run = wc();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .doesNotContain("not found: limit=")
        .doesNotContain("6161616161")
        .contains("127.0.0.1")
        .contains("check the URL and the server");
  }

  @Test
  void aRedirectToALocalFileIsRefusedAndSaysWhereItPointed() {
    answer =
        ("HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    Result run = wc();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .contains("redirects to file:///etc/passwd")
        .contains("only to http and https");
  }

  @Test
  void aBodyCompressedInAnEncodingNobodyAskedForIsRefusedNotCounted() {
    byte[] text = "one two three\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (var out = new DeflaterOutputStream(deflated)) {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = deflated.toByteArray();
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    answer = ByteBuffer.allocate(head.length + body.length).put(head).put(body).array();

    Result run = wc();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("Content-Encoding deflate");
  }
}
