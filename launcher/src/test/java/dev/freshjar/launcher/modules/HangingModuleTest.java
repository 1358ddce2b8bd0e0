package dev.freshjar.launcher.modules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.Cause;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A module whose code never finishes loading is named as the cause, and is not retried. */
class HangingModuleTest {
  static final Duration DEADLINE = Duration.ofSeconds(2);

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;

  /**
   * A rule whose constructor spins for ever, or until its thread is interrupted (the test's way to
   * stop it), when it throws: the jar is then rejected, not installed.
   */
  static byte[] spinning() {
    String pkg = "fixture.spin";
    String source =
        """
        package %s;
        import dev.freshjar.api.*;
        public class SpinRule implements Rule {
          public SpinRule() {
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) { n++; }
            throw new IllegalStateException("stopped by the test after " + n);
          }
          public String name() { return "spin"; }
          public String summary() { return "never loads"; }
          public Table apply(Input input, Arguments arguments) {
            return Table.builder(Column.text("answer")).row("x").build();
          }
        }
        """
            .formatted(pkg);
    return ModuleJar.named("spinner").version("2.0").rule(pkg + ".SpinRule", source).bytes();
  }

  static long loadingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("freshjar-module-load-spinner") && t.isAlive())
        .count();
  }

  static boolean hasDownloads(Path tmp) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(tmp)) {
      return files.findAny().isPresent();
    }
  }

  @Test
  void isNamedAsTheCauseNotTheServerAndIsNotTriedAgainOnTheNextCheck() throws Exception {
    ModuleCache cache = ModuleCache.open(dir);
    ModuleSource source = ModuleSource.of("spinner", URI.create(server.baseUrl() + "/spinner.jar"));
    server.stubFor(
        get("/spinner.jar")
            .willReturn(
                aResponse()
                    .withHeader("ETag", "\"v1\"")
                    .withBody(ModuleJar.answering("spinner", "spin", "v1").bytes())));
    new Refresher(cache, Duration.ofSeconds(30)).refreshAll(List.of(source), Refresher.Mode.CHECK);
    server.stubFor(
        get("/spinner.jar")
            .willReturn(aResponse().withHeader("ETag", "\"v2\"").withBody(spinning())));
    Refresher refresher = new Refresher(cache, DEADLINE);

    Refresh first = refresher.refreshAll(List.of(source), Refresher.Mode.CHECK).get(0);
    List<Refresh> later =
        List.of(
            refresher.refreshAll(List.of(source), Refresher.Mode.CHECK).get(0),
            refresher.refreshAll(List.of(source), Refresher.Mode.CHECK).get(0));

    assertThat(first)
        .isInstanceOfSatisfying(
            Refresh.Fallback.class,
            fallback -> {
              assertThat(fallback.reason())
                  .startsWith("module spinner's code did not finish loading within the update")
                  .contains("runs on until freshjar exits")
                  .doesNotContain("no answer");
              assertThat(fallback.cause()).isEqualTo(Cause.LOAD_HUNG);
              assertThat(fallback.current().version()).isEqualTo("1.0");
            });
    assertThat(later)
        .allSatisfy(
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        Refresh.Fallback.class,
                        f -> assertThat(f.cause()).isEqualTo(Cause.LOAD_HUNG)));
    assertThat(loadingThreads()).as("threads running the module's constructor").isEqualTo(1);
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("freshjar-module-load-spinner")) {
        t.interrupt();
        t.join(10_000);
      }
    }
    // The check that waited on it now finishes and deletes its download.
    for (int i = 0; i < 100 && hasDownloads(dir.resolve("tmp")); i++) {
      Thread.sleep(100);
    }
  }
}
