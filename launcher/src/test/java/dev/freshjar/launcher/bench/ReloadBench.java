package dev.freshjar.launcher.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.Refresher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

/**
 * What the shell's {@code update} costs, in one JVM, through the code the shell runs: a refresh of
 * the module from a loopback server, then a reload of the live modules. Measures the median latency
 * when the server answers 304, and when a new jar arrives (download, verification, trial load by
 * the cache, then staging and publishing); and heap and metaspace after the first and the last of
 * many swaps. Run it with {@code bench/reload.sh}.
 */
public final class ReloadBench {
  private ReloadBench() {}

  public static void main(String[] args) throws Exception {
    int unchangedRuns = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int swaps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warmup = Math.max(50, args.length > 2 ? Integer.parseInt(args[2]) : 50);
    byte[] a = Files.readAllBytes(Fixtures.textUtilsJar());
    byte[] b = variant(a);
    Path cacheDir = Files.createTempDirectory("freshjar-bench-");
    // Without a request journal: it would keep every response, and the heap figures with it.
    WireMockServer server =
        new WireMockServer(wireMockConfig().dynamicPort().disableRequestJournal());
    server.start();
    try {
      ModuleSource source =
          ModuleSource.of("text", URI.create(server.baseUrl() + "/text-utils.jar"));
      List<ModuleSource> sources = List.of(source);
      Refresher refresher = new Refresher(ModuleCache.open(cacheDir), Duration.ofSeconds(30));
      serve(server, a, "a");
      server.stubFor(
          get("/text-utils.jar")
              .atPriority(1)
              .withHeader("If-None-Match", equalTo("\"a\""))
              .willReturn(aResponse().withStatus(304)));
      try (LiveModules live =
          LiveModules.open(sources, refresher.refreshAll(sources, Refresher.Mode.CHECK))) {
        // The session's first 50 updates run mostly interpreted code (of freshjar, OkHttp and the
        // in-process server alike); a session that has run a while has compiled them.
        long[] firstUpdates = new long[50];
        long[] unchanged = new long[unchangedRuns];
        long[] checks = new long[unchangedRuns];
        for (int i = -warmup; i < unchangedRuns; i++) {
          long[] parts = new long[1];
          long took = update(refresher, live, ModuleReload.Unchanged.class, parts);
          if (i + warmup < firstUpdates.length) {
            firstUpdates[i + warmup] = took;
          }
          if (i >= 0) {
            unchanged[i] = took;
            checks[i] = parts[0];
          }
        }
        server.resetAll();
        long[] swapped = new long[swaps];
        Memory first = null;
        Memory half = null;
        for (int i = 0; i < swaps; i++) {
          serve(server, i % 2 == 0 ? b : a, i % 2 == 0 ? "b" : "a");
          swapped[i] = update(refresher, live, ModuleReload.Updated.class, new long[1]);
          if (i == 0) {
            first = Memory.now();
          } else if (i == swaps / 2 - 1) {
            half = Memory.now();
          }
        }
        Memory last = Memory.now();
        print(unchanged, swapped, first, half, last, swaps);
        System.out.printf(
            "| of which the check (conditional GET, 304): median, p90 | %.2f ms, %.2f ms |%n",
            millis(checks, 50), millis(checks, 90));
        System.out.printf(
            "| `update`, nothing changed: the session's first 50, median, p90 | %.2f ms, %.2f ms |%n",
            millis(firstUpdates, 50), millis(firstUpdates, 90));
        System.out.printf("| (timed after %d warm-up updates) | |%n", warmup);
      }
    } finally {
      server.stop();
    }
  }

  /**
   * One {@code update} as the shell does it; its duration in nanoseconds, and in {@code check[0]}
   * the part spent asking the source (the rest is the reload).
   */
  private static long update(
      Refresher refresher, LiveModules live, Class<? extends ModuleReload> expected, long[] check) {
    long start = System.nanoTime();
    List<Refresh> refreshes = refresher.refreshAll(live.sources(), Refresher.Mode.CHECK);
    check[0] = System.nanoTime() - start;
    List<ModuleReload> outcomes = live.reload(refreshes, false);
    long took = System.nanoTime() - start;
    if (!expected.isInstance(outcomes.get(0))) {
      throw new IllegalStateException("expected " + expected.getSimpleName() + ": " + outcomes);
    }
    return took;
  }

  private static void serve(WireMockServer server, byte[] jar, String etag) {
    server.stubFor(
        get("/text-utils.jar")
            .atPriority(5)
            .willReturn(aResponse().withHeader("ETag", "\"" + etag + "\"").withBody(jar)));
  }

  /** The same module with one more entry: other bytes, other sha256, same classes. */
  private static byte[] variant(byte[] jar) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
        JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
      JarEntry entry;
      while ((entry = in.getNextJarEntry()) != null) {
        out.putNextEntry(new JarEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("bench-variant.txt"));
      out.write("b\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  private record Memory(long heap, long metaspace) {
    static Memory now() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(50);
      }
      long metaspace =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getName().equals("Metaspace"))
              .mapToLong(pool -> pool.getUsage().getUsed())
              .sum();
      return new Memory(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), metaspace);
    }
  }

  private static void print(
      long[] unchanged, long[] swapped, Memory first, Memory half, Memory last, int swaps) {
    System.out.printf("| measure | value |%n| --- | --- |%n");
    System.out.printf(
        "| `update`, nothing changed (304): median, p90 of %d | %.2f ms, %.2f ms |%n",
        unchanged.length, millis(unchanged, 50), millis(unchanged, 90));
    System.out.printf(
        "| `update`, new jar (download, check, swap): median, p90 of %d | %.2f ms, %.2f ms |%n",
        swapped.length, millis(swapped, 50), millis(swapped, 90));
    System.out.printf(
        "| heap used after GC: after reload 1, %d, %d | %.1f MB, %.1f MB, %.1f MB |%n",
        swaps / 2, swaps, mb(first.heap()), mb(half.heap()), mb(last.heap()));
    System.out.printf(
        "| metaspace used: after reload 1, %d, %d | %.2f MB, %.2f MB, %.2f MB (%+.1f%%) |%n",
        swaps / 2,
        swaps,
        mb(first.metaspace()),
        mb(half.metaspace()),
        mb(last.metaspace()),
        100.0 * (last.metaspace() - first.metaspace()) / first.metaspace());
  }

  private static double millis(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
