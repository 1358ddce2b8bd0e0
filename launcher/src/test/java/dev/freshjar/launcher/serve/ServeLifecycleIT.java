package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.awaitTrue;
import static dev.freshjar.launcher.serve.ServeChecks.count;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's life: bodies larger than its heap, stopping on SIGTERM, and costing a rule's run
 * nothing.
 */
class ServeLifecycleIT {
  @TempDir Path cache;
  @TempDir Path work;

  @Test
  void aBodyLargerThanTheHeapIsStreamedToTheRule() {
    long size = 300L << 20;
    try (ServeProcess serve =
        ServeProcess.start(freshjar(cache).env("FRESHJAR_JAVA_OPTS", "-Xmx48m"))) {
      HttpRequest request =
          serve
              .request("/rules/wc")
              .header("Accept", "text/tab-separated-values")
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size)))
              .build();

      HttpResponse<String> answer = serve.send(request);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      // Every 10 bytes are "word word\n": one line, two words.
      long lines = size / 10;
      assertThat(answer.body())
          .isEqualTo(
              "lines\twords\tchars\tbytes\n"
                  + lines
                  + "\t"
                  + 2 * lines
                  + "\t"
                  + size
                  + "\t"
                  + size
                  + "\n");
    }
  }

  @Test
  void sigtermLetsEveryAcceptedRequestFinishAndExitsZero() throws Exception {
    Path started = Files.createDirectories(work.resolve("started"));
    Path odd = TestModules.odd(work.resolve("odd.jar"), started);
    try (ServeProcess serve =
        ServeProcess.start(freshjar(cache).option("--module", "odd=" + odd))) {
      // Threads of the test's own: the common pool may have a single one on a small machine.
      ExecutorService clients = Executors.newCachedThreadPool();
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        inFlight.add(
            CompletableFuture.supplyAsync(() -> serve.post("/rules/nap?ms=2000", "zz"), clients));
      }
      awaitTrue(() -> count(started) == 6);

      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(serve::terminate, clients);
      awaitTrue(() -> serve.stderr().contains("freshjar: stopping"), serve::stderr);
      Throwable late = refusal(serve);

      for (CompletableFuture<HttpResponse<String>> request : inFlight) {
        HttpResponse<String> answer = request.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[{\"answer\":\"rested\",\"bytes\":2}]\n");
      }
      assertThat(exit.get()).as(serve.stderr()).isZero();
      assertThat(late).as("a request after SIGTERM is not accepted").isNotNull();
      assertThat(serve.stderr()).contains("freshjar: stopped\n");
      clients.shutdown();
    }
  }

  /** What a new request met once the server began to stop: null if it was answered 200. */
  private static Throwable refusal(ServeProcess serve) {
    try {
      HttpResponse<String> answer = serve.post("/rules/wc", "x");
      return answer.statusCode() == 200
          ? null
          : new AssertionError(answer.statusCode() + " " + answer.body());
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void aRulesOneShotRunLoadsNoServerClass() throws IOException {
    Path log = work.resolve("classes.log");
    Freshjar.Result run =
        freshjar(cache)
            .env("FRESHJAR_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
            .run("--format", "tsv", "top", "-n", "3", Fixtures.mobyDick().toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String loaded = Files.readString(log);
    assertThat(loaded).contains("dev.freshjar.launcher.cli.RuleInvocation");
    assertThat(loaded)
        .doesNotContain("org.eclipse.jetty")
        .doesNotContain("dev.freshjar.launcher.serve")
        .doesNotContain("org.slf4j");
  }

  /** {@code size} bytes of "word word\n", made as they are read: never in memory at once. */
  static final class Generated extends InputStream {
    private static final byte[] LINE =
        "word word\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final long size;
    private long position;

    Generated(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? LINE[(int) (position++ % LINE.length)] : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = LINE[(int) (position++ % LINE.length)];
      }
      return n;
    }
  }
}
