package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectIntegrityTest {
  @Test
  void aJarCheckedByManyThreadsAtOnceIsHashedOnce(@TempDir Path dir) throws Exception {
    // A one-shot run checks its module's jar on two threads at the same moment (the early run,
    // and the update check): they share one hash rather than each hashing the jar.
    byte[] bytes = TestJars.big(8 << 20);
    Path jar = dir.resolve("object.jar");
    Files.write(jar, bytes);
    CachedJar cached =
        new CachedJar(
            "text",
            TestJars.sha256(bytes),
            jar,
            "big",
            "1.0",
            URI.create("http://127.0.0.1/big.jar"),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty());
    int threads = 6;
    int before = ObjectIntegrity.hashesMade();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<String>>> checks = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        checks.add(
            pool.submit(
                () -> {
                  start.await();
                  return ObjectIntegrity.damage(cached);
                }));
      }
      for (Future<Optional<String>> check : checks) {
        assertEquals(Optional.empty(), check.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, ObjectIntegrity.hashesMade() - before);
  }
}
