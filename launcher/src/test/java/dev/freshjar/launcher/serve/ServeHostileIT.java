package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.awaitTrue;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static dev.freshjar.launcher.serve.ServeChecks.read;
import static dev.freshjar.launcher.serve.ServeChecks.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client on the network, or a module's author, could try on the server. */
class ServeHostileIT {
  @TempDir Path cache;
  @TempDir Path work;

  @ParameterizedTest(name = "access log on a file: {0}")
  @ValueSource(booleans = {false, true})
  void aRequestLineCannotWriteControlCharactersIntoTheAccessLog(boolean toFile) throws Exception {
    Path log = work.resolve("access.log");
    try (ServeProcess serve =
        toFile
            ? ServeProcess.start(freshjar(cache), "--access-log", log.toString())
            : ServeProcess.start(freshjar(cache))) {
      Supplier<String> written = toFile ? () -> read(log) : serve::stderr;
      // Jetty refuses ESC and the C0 controls in a request line, not the UTF-8 of a C1 CSI
      // (U+009B: ESC [ to a terminal) nor a right-to-left override (U+202E).
      rawRequest(serve, "GET /health?mark\u009b2J\u202e HTTP/1.1\r\nHost: x\r\n\r\n");

      awaitTrue(() -> written.get().contains("GET /health?mark"), written);
      assertThat(written.get())
          .doesNotContain("\u009b", "\u202e")
          .contains("GET /health?mark\\u009b2J\\u202e HTTP/1.1");
    }
  }

  @Test
  void aModuleVersionTooLongForAHeaderIsCutInFreshjarModule() throws IOException {
    String version = "1." + "0".repeat(20_000);
    Path jar =
        ModuleJar.answering("big", "big", "yes").version(version).writeTo(work.resolve("l.jar"));
    try (ServeProcess serve =
        ServeProcess.start(freshjar(cache).option("--module", "big=" + jar))) {
      HttpResponse<String> answer = serve.post("/rules/big", "x");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Freshjar-Module"))
          .get()
          .asString()
          .startsWith("big 1.000")
          .endsWith("/" + sha256(jar))
          .hasSizeLessThan(1000);
    }
  }

  private static void rawRequest(ServeProcess serve, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", serve.uri("/").getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.getInputStream().read(new byte[1024]);
    }
  }
}
