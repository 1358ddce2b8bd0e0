package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.AlternatingServer;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many bin/freshjar processes sharing one cache while the module's server flips between two
 * versions on every request: the cron case of several instances at once, at full speed.
 *
 * <p>Full size by default (8 processes at a time, 50 runs each); {@code -Dfreshjar.it.processes}
 * and {@code -Dfreshjar.it.rounds} change it.
 */
class ConcurrentProcessesIT {
  static final int PROCESSES = Integer.getInteger("freshjar.it.processes", 8);
  static final int ROUNDS = Integer.getInteger("freshjar.it.rounds", 50);

  static final byte[] V1 = ModuleJar.answering("mod", "answer", "v1").version("1.0").bytes();
  static final byte[] V2 = ModuleJar.answering("mod", "answer", "v2").version("2.0").bytes();

  @TempDir Path cache;

  @Test
  void everyRunSucceedsOnOneOfTheTwoVersionsAndTheCacheStaysConsistent() throws Exception {
    List<Result> results = new ArrayList<>();
    long requests;
    long started = System.nanoTime();
    try (AlternatingServer server = AlternatingServer.start("/mod.jar", V1, V2)) {
      Freshjar freshjar =
          Freshjar.withCache(cache)
              .option("--module", "mod=" + server.url())
              // The client compiler only: these runs are short, and on two cores the optimizing
              // compiler's threads would take a large share of the CPU the processes share.
              .env("FRESHJAR_JAVA_OPTS", "-XX:TieredStopAtLevel=1")
              .timeout(Duration.ofMinutes(2));
      ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
      try {
        List<Future<List<Result>>> workers = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
          workers.add(
              pool.submit(
                  () -> {
                    List<Result> own = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                      own.add(freshjar.run("--format", "tsv", "answer", "-"));
                    }
                    return own;
                  }));
        }
        for (Future<List<Result>> worker : workers) {
          results.addAll(worker.get());
        }
      } finally {
        pool.shutdownNow();
      }
      requests = server.requests();
    }
    System.out.printf(
        "%d runs of bin/freshjar, %d at a time, took %.1f s%n",
        results.size(), PROCESSES, (System.nanoTime() - started) / 1e9);

    assertThat(results).hasSize(PROCESSES * ROUNDS);
    assertThat(results)
        .allSatisfy(
            run -> {
              assertThat(run.exitCode()).as(run.toString()).isZero();
              assertThat(run.stdout()).as(run.toString()).isIn("answer\nv1\n", "answer\nv2\n");
              assertThat(run.stderr()).as(run.toString()).isEmpty();
            });
    assertThat(results.stream().map(Result::stdout).distinct()).hasSize(2);
    assertThat(requests).as("requests to the server").isEqualTo((long) PROCESSES * ROUNDS);

    Path objects = cache.resolve("objects");
    try (Stream<Path> jars = Files.list(objects)) {
      assertThat(jars.map(ConcurrentProcessesIT::nameAndHash))
          .containsExactlyInAnyOrder(
              List.of(sha256(V1) + ".jar", sha256(V1)), List.of(sha256(V2) + ".jar", sha256(V2)));
    }
    Freshjar inspect = Freshjar.withCache(cache);
    Result verify = inspect.run("cache", "verify");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    Result history = inspect.run("--format", "tsv", "modules", "history", "mod");
    assertThat(history.exitCode()).as(history.toString()).isZero();
    List<String> rows = history.stdout().lines().skip(1).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .anySatisfy(r -> assertThat(r).startsWith("1.0\t" + sha256(V1).substring(0, 12) + "\t"))
        .anySatisfy(r -> assertThat(r).startsWith("2.0\t" + sha256(V2).substring(0, 12) + "\t"));
    assertThat(rows.stream().filter(r -> r.endsWith("\tcurrent"))).hasSize(1);
    try (Stream<Path> tmp = Files.list(cache.resolve("tmp"));
        Stream<Path> modules = Files.list(cache.resolve("modules"))) {
      assertThat(tmp).isEmpty();
      assertThat(modules.map(m -> m.getFileName().toString()))
          .containsExactlyInAnyOrder("mod.record", "mod.lock");
    }
  }

  static List<String> nameAndHash(Path jar) {
    try {
      return List.of(jar.getFileName().toString(), sha256(Files.readAllBytes(jar)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
