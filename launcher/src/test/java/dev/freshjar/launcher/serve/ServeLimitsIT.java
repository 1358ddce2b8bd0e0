package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.assertError;
import static dev.freshjar.launcher.serve.ServeChecks.awaitTrue;
import static dev.freshjar.launcher.serve.ServeChecks.count;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server refuses, and whom: too many at once, idle clients, requests without the token.
 */
class ServeLimitsIT {
  @Nested
  class Limits {
    @TempDir Path cache;
    @TempDir Path work;

    @Test
    void moreRequestsThanMaxConcurrentGet503WithRetryAfter() throws Exception {
      Path started = Files.createDirectories(work.resolve("started"));
      Path odd = TestModules.odd(work.resolve("odd.jar"), started);
      try (ServeProcess serve =
          ServeProcess.start(
              freshjar(cache).option("--module", "odd=" + odd), "--max-concurrent", "1")) {
        CompletableFuture<HttpResponse<String>> first =
            CompletableFuture.supplyAsync(
                () -> serve.post("/rules/nap?ms=3000", "x"), Executors.newSingleThreadExecutor());
        awaitTrue(() -> count(started) == 1);

        HttpResponse<String> second = serve.post("/rules/wc", "x");

        assertError(second, 503, "more than 1 requests in flight");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(serve.get("/health").statusCode()).as("health is never refused").isEqualTo(200);
      }
    }

    @Test
    void aClientThatStopsSendingIsCutByTheIdleTimeout() throws Exception {
      try (ServeProcess serve = ServeProcess.start(freshjar(cache), "--idle-timeout", "1s")) {
        try (Socket socket = new Socket("127.0.0.1", serve.uri("/").getPort())) {
          socket.setSoTimeout(60_000);
          OutputStream out = socket.getOutputStream();
          out.write(
              ("POST /rules/wc HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten b")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          long before = System.nanoTime();
          InputStream in = socket.getInputStream();
          byte[] answer = in.readAllBytes();

          assertThat((System.nanoTime() - before) / 1_000_000_000.0)
              .as("cut well before the read timeout of 60s")
              .isLessThan(30);
          assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain(" 200 ");
        }
        assertThat(serve.post("/rules/wc", "a b").statusCode()).isEqualTo(200);
      }
    }

    @Test
    void aRuleComputingLongerThanTheIdleTimeoutIsNotCut() throws Exception {
      Path started = Files.createDirectories(work.resolve("started"));
      Path odd = TestModules.odd(work.resolve("odd.jar"), started);
      try (ServeProcess serve =
          ServeProcess.start(
              freshjar(cache).option("--module", "odd=" + odd), "--idle-timeout", "1s")) {
        HttpResponse<String> answer = serve.post("/rules/nap?ms=2500", "x");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
    }
  }

  @Nested
  class Token {
    @TempDir Path cache;
    @TempDir Path work;

    @Test
    void bindingAnotherAddressWithoutATokenIsRefused() {
      Freshjar.Result run =
          ServeProcess.refused(freshjar(cache), "--bind", "127.0.0.2", "--port", "0");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains("--bind 127.0.0.2").contains("give --token-file FILE");
    }

    @Test
    void onAnotherAddressEveryRequestNeedsTheBearerToken() throws IOException {
      Path token = Files.writeString(work.resolve("token"), "s3cret-token-value\n");
      Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
      try (ServeProcess serve =
          ServeProcess.start(
              freshjar(cache), "--bind", "127.0.0.2", "--token-file", token.toString())) {
        assertThat(serve.uri("/").getHost()).isEqualTo("127.0.0.2");

        HttpResponse<String> none = serve.post("/rules/wc", "a b");
        HttpResponse<String> wrong =
            serve.post("/rules/wc", "a b".getBytes(), "Authorization", "Bearer s3cret-token-valuf");
        HttpResponse<String> right =
            serve.post("/rules/wc", "a b".getBytes(), "Authorization", "Bearer s3cret-token-value");

        assertError(none, 401, "Authorization: Bearer TOKEN");
        assertThat(none.headers().firstValue("WWW-Authenticate"))
            .get()
            .asString()
            .startsWith("Bearer");
        assertError(wrong, 401, "Authorization: Bearer TOKEN");
        assertError(serve.get("/health"), 401, "Bearer");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(serve.stderr()).contains("can be read by other users; 'chmod 600' it");
        assertThat(right.body()).contains("\"words\":2");
      }
    }
  }
}
