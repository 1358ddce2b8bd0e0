package dev.freshjar.launcher.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What the server tests check again and again. */
final class ServeChecks {
  private ServeChecks() {}

  /** freshjar with its cache in {@code cache} and the built text-utils module. */
  static Freshjar freshjar(Path cache) {
    return Freshjar.withCache(cache)
        // The machine may be busy: the checks' deadline is not what these tests are about.
        .option("--update-timeout", "60s", "--module", "text=" + Fixtures.textUtilsJar());
  }

  static void assertError(HttpResponse<String> answer, int status, String message) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body())
        .startsWith("{\"error\":\"")
        .contains(message)
        .endsWith(",\"status\":" + status + "}\n");
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long count(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    awaitTrue(condition, () -> "");
  }

  /** Waits up to a minute for {@code condition}; {@code context} says what was seen if not. */
  static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60s\n" + context.get());
      }
      Thread.sleep(20);
    }
  }
}
