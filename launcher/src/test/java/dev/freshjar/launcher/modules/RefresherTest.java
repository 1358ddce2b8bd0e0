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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The update checks of all modules, in parallel, under one deadline. */
class RefresherTest {
  static final Duration DEADLINE = Duration.ofMillis(500);
  static final int SLOW_MILLIS = 5_000;

  @RegisterExtension static JarServer server = new JarServer();

  /** For fetches that only set the scene: long enough for a busy machine. */
  static final Duration PATIENT = Duration.ofSeconds(30);

  @TempDir Path dir;
  ModuleCache cache;

  @BeforeEach
  void setUp() {
    cache = ModuleCache.open(dir);
  }

  ModuleSource source(String name) {
    return ModuleSource.of(name, URI.create(server.baseUrl() + "/" + name + ".jar"));
  }

  void serve(String name, String answer, int delayMillis) {
    server.stubFor(
        get("/" + name + ".jar")
            .willReturn(
                aResponse()
                    .withFixedDelay(delayMillis)
                    .withHeader("ETag", "\"" + answer + "\"")
                    .withBody(ModuleJar.answering(name, "answer", answer).bytes())));
  }

  /** Runs {@code refreshAll} and returns its outcomes with how long it took. */
  record Timed(List<Refresh> outcomes, Duration took) {}

  Timed refreshAll(Duration deadline, List<ModuleSource> sources) {
    long start = System.nanoTime();
    List<Refresh> outcomes =
        new Refresher(cache, deadline).refreshAll(sources, Refresher.Mode.CHECK);
    return new Timed(outcomes, Duration.ofNanos(System.nanoTime() - start));
  }

  @Nested
  class ASlowServer {
    @Test
    void ofTheOnlyModuleDelaysTheChecksByNoMoreThanTheDeadline() {
      serve("solo", "v1", 0);
      refreshAll(PATIENT, List.of(source("solo")));
      serve("solo", "v2", SLOW_MILLIS);

      Timed run = refreshAll(DEADLINE, List.of(source("solo")));

      assertThat(run.took()).isLessThan(DEADLINE.plusSeconds(2));
      assertThat(run.outcomes().get(0))
          .isInstanceOfSatisfying(
              Refresh.Fallback.class,
              fallback -> {
                assertThat(fallback.reason())
                    .isEqualTo(
                        "no answer within the update deadline of 500ms; give --update-timeout a longer DURATION to wait for it");
                assertThat(fallback.current().version()).isEqualTo("1.0");
              });
    }

    @Test
    void leavesTheOtherModulesFresh() {
      // Long enough for the quick module's new jar to be downloaded and checked on a busy machine.
      Duration deadline = Duration.ofSeconds(3);
      serve("quick", "q1", 0);
      serve("slow", "s1", 0);
      refreshAll(PATIENT, List.of(source("quick"), source("slow")));
      serve("quick", "q2", 0);
      serve("slow", "s2", 10_000);

      Timed run = refreshAll(deadline, List.of(source("quick"), source("slow")));

      assertThat(run.took()).isLessThan(deadline.plusSeconds(2));
      assertThat(run.outcomes().get(0)).isInstanceOf(Refresh.Fresh.class);
      assertThat(((Refresh.Fresh) run.outcomes().get(0)).changed()).isTrue();
      assertThat(run.outcomes().get(1)).isInstanceOf(Refresh.Fallback.class);
    }

    @Test
    void ofAModuleNeverFetchedMakesItUnavailable() {
      serve("late", "l1", SLOW_MILLIS);

      Timed run = refreshAll(DEADLINE, List.of(source("late")));

      assertThat(run.took()).isLessThan(DEADLINE.plusSeconds(2));
      assertThat(run.outcomes())
          .containsExactly(
              new Refresh.Unavailable(
                  "late",
                  "no answer within the update deadline of 500ms; give --update-timeout a longer DURATION to wait for it",
                  Cause.DEADLINE));
    }
  }

  // Every test in a nested class: WireMock's extension stops the server after each nested class.
  @Nested
  class Checks {
    @Test
    void runInParallelSoThatTheirDelaysDoNotAddUp() {
      for (String name : List.of("a", "b", "c", "d")) {
        serve(name, name, 1_000);
      }

      Timed run = refreshAll(PATIENT, List.of(source("a"), source("b"), source("c"), source("d")));

      assertThat(run.outcomes()).allMatch(r -> r instanceof Refresh.Fresh);
      assertThat(run.took()).isLessThan(Duration.ofMillis(3 * 1_000));
    }

    @Test
    void offlineAsksNoServer() {
      serve("quiet", "v1", 0);
      refreshAll(PATIENT, List.of(source("quiet")));
      server.resetRequests();

      List<Refresh> outcomes =
          new Refresher(cache, PATIENT)
              .refreshAll(List.of(source("quiet")), Refresher.Mode.OFFLINE);

      assertThat(outcomes.get(0)).isInstanceOf(Refresh.Fallback.class);
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }
}
