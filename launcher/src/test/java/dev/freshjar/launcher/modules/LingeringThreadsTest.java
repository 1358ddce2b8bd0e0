package dev.freshjar.launcher.modules;

import static dev.freshjar.launcher.modules.LiveModulesTest.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module version that leaves threads running cannot be unloaded: a reload says so, once. */
class LingeringThreadsTest {
  static final ModuleSource TICK = ModuleSource.of("tick", Path.of("/tick.jar").toUri());

  @TempDir Path jars;
  LiveModules live;

  @AfterEach
  void closeModules() {
    if (live != null) {
      live.close();
    }
    stopTickers();
  }

  static void stopTickers() {
    Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tick-"))
        .forEach(Thread::interrupt);
  }

  static Path ticker(Path dir, String version, boolean subclass) {
    return ModuleJar.leavingAThread("tick", version, subclass)
        .writeTo(dir.resolve("tick-" + version + ".jar"));
  }

  static void runTick(LiveModules live) {
    try (LiveModules.Lease lease = live.acquire()) {
      lease
          .modules()
          .rules()
          .resolve("tick")
          .run(Input.ofBytes("x", new byte[0]), Arguments.none());
    }
  }

  @Test
  void aThreadWhoseContextLoaderIsADrainedVersionIsNamedOnceAfterTheReload() throws IOException {
    Path v1 = ticker(jars, "1.0", false);
    Path v2 = ticker(jars, "2.0", false);
    live = LiveModules.open(List.of(TICK), List.of(fresh("tick", v1)));
    runTick(live);
    assertThat(live.lingeringThreads()).as("before any reload").isEmpty();

    live.reload(List.of(fresh("tick", v2)), false);
    List<LingeringThreads> first = live.lingeringThreads();

    assertThat(first)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.module()).isEqualTo("tick");
              assertThat(l.version()).startsWith("1.0/");
              assertThat(l.threads()).containsExactly("tick-1.0");
            });
    assertThat(first.get(0).describe())
        .startsWith("tick: version 1.0/")
        .contains("cannot be unloaded while its threads run: tick-1.0");
    live.reload(List.of(fresh("tick", v1)), false);
    assertThat(live.lingeringThreads()).as("the same version again").isEmpty();
  }

  @Test
  void aThreadOfAClassTheModuleDefinedIsFoundToo() throws IOException {
    Path v1 = ticker(jars, "1.0", true);
    Path v2 = ticker(jars, "2.0", true);
    live = LiveModules.open(List.of(TICK), List.of(fresh("tick", v1)));
    runTick(live);

    live.reload(List.of(fresh("tick", v2)), false);

    assertThat(live.lingeringThreads())
        .singleElement()
        .satisfies(l -> assertThat(l.threads()).containsExactly("tick-1.0"));
  }

  @Test
  void aVersionWhoseThreadsEndedIsNotNamed() throws Exception {
    Path v1 = ticker(jars, "1.0", false);
    Path v2 = ticker(jars, "2.0", false);
    live = LiveModules.open(List.of(TICK), List.of(fresh("tick", v1)));
    runTick(live);
    stopTickers();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("tick-")) {
        t.join(10_000);
      }
    }

    live.reload(List.of(fresh("tick", v2)), false);

    assertThat(live.lingeringThreads()).isEmpty();
    assertThat(Files.exists(v1)).isTrue();
  }
}
