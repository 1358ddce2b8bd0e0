package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs sharing one cache: the case the per-module file lock exists for. */
class MultiProcessTest {
  static final int ROUNDS = 3;
  static final int OWN_VERSIONS = 2;

  @TempDir Path dir;
  WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void twoProcessesRefreshingOneModuleAtOnceBothSucceedAndLoseNoVersion() throws Exception {
    Path cacheDir = dir.resolve("cache");
    Set<String> served = new HashSet<>();
    Set<String> lastShared = new HashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      // Each process fetches versions only it sees (a lost update would drop one of them from
      // the history), then both fetch the same new version at once.
      List<List<String>> urls = List.of(new ArrayList<>(), new ArrayList<>());
      for (int p = 0; p < 2; p++) {
        for (int v = 0; v < OWN_VERSIONS; v++) {
          String path = "/p" + p + "/r" + round + "/v" + v + ".jar";
          served.add(
              serve(path, TestJars.module("mod", p + "." + round + "." + v, "com.example.R")));
          urls.get(p).add(server.baseUrl() + path);
        }
      }
      String shared = "/shared/r" + round + ".jar";
      lastShared =
          Set.of(serve(shared, TestJars.module("mod", "shared." + round, "com.example.S")));
      served.addAll(lastShared);
      urls.forEach(u -> u.add(server.baseUrl() + shared));

      Child p0 = Child.start(cacheDir, urls.get(0));
      Child p1 = Child.start(cacheDir, urls.get(1));
      p0.go();
      p1.go();
      p0.assertSucceeded();
      p1.assertSucceeded();
    }

    ModuleCache cache = ModuleCache.open(cacheDir);
    List<CachedJar> history = cache.history("mod");
    Set<String> lost = new HashSet<>(served);
    history.stream().map(CachedJar::sha256).forEach(lost::remove);
    assertEquals(Set.of(), lost, "versions lost from the history");
    assertEquals(served.size(), history.size(), "each version once");
    String current = cache.current("mod").orElseThrow().sha256();
    assertTrue(
        lastShared.contains(current) || history.get(0).sha256().equals(current),
        "current is the newest install");
    for (CachedJar jar : history) {
      assertEquals(jar.sha256(), TestJars.sha256(Files.readAllBytes(jar.jar())));
    }
    try (Stream<Path> tmp = Files.list(cacheDir.resolve("tmp"));
        Stream<Path> modules = Files.list(cacheDir.resolve("modules"))) {
      assertEquals(List.of(), tmp.toList());
      assertEquals(
          Set.of("mod.record", "mod.lock"),
          Set.copyOf(modules.map(p -> p.getFileName().toString()).toList()));
    }
  }

  private String serve(String path, byte[] jar) {
    server.stubFor(
        get(path).willReturn(aResponse().withHeader("ETag", "\"" + path + "\"").withBody(jar)));
    return TestJars.sha256(jar);
  }

  /** A JVM running {@link ConcurrentRefreshMain}. */
  record Child(Process process, BufferedReader out) {
    static Child start(Path cacheDir, List<String> urls) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("-XX:TieredStopAtLevel=1");
      command.add(ConcurrentRefreshMain.class.getName());
      command.add(cacheDir.toString());
      command.add("mod");
      command.addAll(urls);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      Child child =
          new Child(
              p,
              new BufferedReader(
                  new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      assertEquals("ready", child.out.readLine(), "the child did not start");
      return child;
    }

    void go() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    void assertSucceeded() throws Exception {
      List<String> lines = out.lines().toList();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child is still running");
      assertEquals(0, process.exitValue(), String.join("\n", lines));
      assertEquals(urlsRefreshed(lines), lines.size(), String.join("\n", lines));
    }

    private static long urlsRefreshed(List<String> lines) {
      return lines.stream().filter(l -> l.startsWith("fresh ")).count();
    }
  }
}
