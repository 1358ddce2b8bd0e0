package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Cause;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.OpenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reload protocol, in process: stage, publish, drain, close, sweep. */
class LiveModulesTest {
  static byte[] greet1;
  static byte[] greet2;
  static byte[] other1;

  // Each test has copies of its own, so that what one test leaves open cannot fail another.
  @TempDir Path jars;
  Path greetV1;
  Path greetV2;
  Path otherV1;
  LiveModules live;

  @BeforeAll
  static void buildJars() {
    greet1 = ModuleJar.readingAnswer("greet", "greet", "1.0").bytes();
    greet2 = ModuleJar.readingAnswer("greet", "greet", "2.0").bytes();
    other1 = ModuleJar.readingAnswer("other", "other", "1.0").bytes();
  }

  @BeforeEach
  void copyJars() throws IOException {
    greetV1 = Files.write(jars.resolve("g1.jar"), greet1);
    greetV2 = Files.write(jars.resolve("g2.jar"), greet2);
    otherV1 = Files.write(jars.resolve("o1.jar"), other1);
  }

  @AfterEach
  void closeModules() {
    if (live != null) {
      live.close();
    }
  }

  static final ModuleSource GREET = ModuleSource.of("greet", Path.of("/greet.jar").toUri());
  static final ModuleSource OTHER = ModuleSource.of("other", Path.of("/other.jar").toUri());

  static CachedJar cached(String module, Path jar) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
      String version;
      try (JarFile file = new JarFile(jar.toFile())) {
        version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
      }
      return new CachedJar(
          module,
          HexFormat.of().formatHex(digest),
          jar,
          module,
          version,
          jar.toUri(),
          Instant.EPOCH,
          Optional.empty(),
          Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Refresh fresh(String module, Path jar) {
    return new Refresh.Fresh(cached(module, jar), Optional.empty());
  }

  static String answer(LiveModules.Lease lease, String rule) {
    return (String)
        lease
            .modules()
            .rules()
            .resolve(rule)
            .run(Input.ofBytes("x", new byte[0]), Arguments.none())
            .rows()
            .get(0)
            .get(0);
  }

  static String answer(LiveModules live, String rule) {
    try (LiveModules.Lease lease = live.acquire()) {
      return answer(lease, rule);
    }
  }

  static ClassLoader loaderOf(LiveModules live, String rule) {
    try (LiveModules.Lease lease = live.acquire()) {
      return lease.modules().rules().resolve(rule).module().loader();
    }
  }

  /** Runs the collector until {@code done}, a bounded number of times. */
  static boolean collectUntil(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return done.getAsBoolean();
  }

  @Nested
  class Reloading {
    @Test
    void aChangedJarServesTheNextCallAndAnUnchangedOneKeepsItsLoader() {
      live =
          LiveModules.open(
              List.of(GREET, OTHER), List.of(fresh("greet", greetV1), fresh("other", otherV1)));
      ClassLoader greetBefore = loaderOf(live, "greet");
      ClassLoader otherBefore = loaderOf(live, "other");

      List<ModuleReload> outcomes =
          live.reload(List.of(fresh("greet", greetV2), fresh("other", otherV1)), false);

      assertThat(outcomes)
          .extracting(ModuleReload::describe)
          .containsExactly(
              "greet: updated from " + label(greetV1, "greet") + " to " + label(greetV2, "greet"),
              "other: unchanged, " + label(otherV1, "other"));
      assertThat(answer(live, "greet")).isEqualTo("2.0");
      assertThat(loaderOf(live, "greet")).isNotSameAs(greetBefore);
      assertThat(loaderOf(live, "other")).isSameAs(otherBefore);
    }

    @Test
    void anUnchangedReloadLoadsNothingAndKeepsEveryLoader() {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      ClassLoader before = loaderOf(live, "greet");

      List<ModuleReload> outcomes = live.reload(List.of(fresh("greet", greetV1)), false);

      assertThat(outcomes).singleElement().isInstanceOf(ModuleReload.Unchanged.class);
      assertThat(loaderOf(live, "greet")).isSameAs(before);
      assertThat(answer(live, "greet")).isEqualTo("1.0");
    }

    @Test
    void aLeaseTakenBeforeAReloadRunsTheOldVersionAndKeepsItsJarOpenUntilItIsClosed()
        throws IOException {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      LiveModules.Lease old = live.acquire();
      assertThat(answer(old, "greet")).isEqualTo("1.0");

      live.reload(List.of(fresh("greet", greetV2)), false);

      assertThat(answer(live, "greet")).isEqualTo("2.0");
      assertThat(answer(old, "greet")).as("the old lease, after the reload").isEqualTo("1.0");
      assertThat(OpenFiles.pointingAt(greetV1)).as("old jar while leased").isNotEmpty();
      old.close();
      assertThat(OpenFiles.pointingAt(greetV1)).as("old jar once drained").isEmpty();
      assertThat(OpenFiles.pointingAt(greetV2)).as("new jar").isNotEmpty();
    }

    @Test
    void callsRunningThroughReloadsFinishOnTheVersionTheyStartedWith() throws Exception {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      AtomicBoolean stop = new AtomicBoolean();
      Set<String> answers = ConcurrentHashMap.newKeySet();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread caller =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try (LiveModules.Lease lease = live.acquire()) {
                      String first = answer(lease, "greet");
                      Thread.yield();
                      // Within one lease, every call sees the same version, open.
                      assertThat(answer(lease, "greet")).isEqualTo(first);
                      answers.add(first);
                    } catch (Throwable t) {
                      failures.add(t);
                    }
                  }
                });
        caller.start();
        callers.add(caller);
      }

      for (int i = 0; i < 40; i++) {
        live.reload(List.of(fresh("greet", i % 2 == 0 ? greetV2 : greetV1)), false);
      }
      stop.set(true);
      for (Thread caller : callers) {
        caller.join(Duration.ofSeconds(30).toMillis());
      }

      assertThat(failures).isEmpty();
      assertThat(answers).containsAnyOf("1.0", "2.0").isSubsetOf("1.0", "2.0");
      assertThat(live.reloads()).isEqualTo(40);
    }

    @Test
    void closingRetiresTheLastSetOnceItsLeasesEnd() throws IOException {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      LiveModules.Lease lease = live.acquire();

      live.close();

      assertThatThrownBy(live::acquire).isInstanceOf(IllegalStateException.class);
      assertThat(answer(lease, "greet")).isEqualTo("1.0");
      lease.close();
      assertThat(OpenFiles.pointingAt(greetV1)).isEmpty();
    }

    @Test
    void theSweepRunsAfterOldLoadersCloseWithTheJarsStillInUse() {
      List<Set<Path>> sweeps = new CopyOnWriteArrayList<>();
      live =
          LiveModules.open(
              List.of(GREET, OTHER),
              List.of(fresh("greet", greetV1), fresh("other", otherV1)),
              sweeps::add);

      live.reload(List.of(fresh("greet", greetV2), fresh("other", otherV1)), false);

      assertThat(sweeps).containsExactly(Set.of(greetV2, otherV1));
    }
  }

  @Nested
  class TheOldVersionIsReallyGone {
    @Test
    void itsClassLoaderIsGarbageCollectedAfterAReload() throws Exception {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      WeakReference<ClassLoader> old = new WeakReference<>(loaderOf(live, "greet"));
      answer(live, "greet");

      live.reload(List.of(fresh("greet", greetV2)), false);

      assertThat(collectUntil(() -> old.get() == null))
          .as("the old class loader was collected")
          .isTrue();
      assertThat(answer(live, "greet")).isEqualTo("2.0");
    }

    @Test
    void classUnloadCountsRiseAsReloadsGoOn() throws Exception {
      var classLoading = ManagementFactory.getClassLoadingMXBean();
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      System.gc();
      long unloadedBefore = classLoading.getUnloadedClassCount();

      for (int i = 0; i < 10; i++) {
        live.reload(List.of(fresh("greet", i % 2 == 0 ? greetV2 : greetV1)), false);
        answer(live, "greet");
      }

      assertThat(collectUntil(() -> classLoading.getUnloadedClassCount() >= unloadedBefore + 5))
          .as("at least one rule class unloaded per two reloads")
          .isTrue();
    }

    @Test
    void noFileDescriptorPointsAtAnOldJar() throws Exception {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      answer(live, "greet");
      assertThat(OpenFiles.pointingAt(greetV1)).isNotEmpty();

      live.reload(List.of(fresh("greet", greetV2)), false);
      answer(live, "greet");

      assertThat(OpenFiles.pointingAt(greetV1)).isEmpty();
    }
  }

  @Nested
  class BadNewVersions {
    @ParameterizedTest
    @MethodSource("dev.freshjar.launcher.fixtures.BadModules#kinds")
    void areRefusedAndTheOldVersionKeepsServing(ModuleJar bad, String reason) throws Exception {
      Path badJar = bad.writeTo(jars.resolve("bad-" + Math.abs(reason.hashCode()) + ".jar"));
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));
      ClassLoader before = loaderOf(live, "greet");

      List<ModuleReload> outcomes = live.reload(List.of(fresh("greet", badJar)), false);

      assertThat(outcomes).singleElement().isInstanceOf(ModuleReload.Failed.class);
      assertThat(outcomes.get(0).describe())
          .startsWith("greet: failed: cannot load ")
          .contains(reason)
          .endsWith("; still running " + label(greetV1, "greet"));
      assertThat(answer(live, "greet")).isEqualTo("1.0");
      assertThat(loaderOf(live, "greet")).isSameAs(before);
      assertThat(OpenFiles.pointingAt(badJar)).as("the refused loader is closed").isEmpty();
    }

    @Test
    void oneModulesBadVersionDoesNotHoldBackAnothersGoodOne() throws Exception {
      Path empty =
          ModuleJar.named("other")
              .source("e.Nothing", "package e; class Nothing {}")
              .writeTo(jars.resolve("empty.jar"));
      live =
          LiveModules.open(
              List.of(GREET, OTHER), List.of(fresh("greet", greetV1), fresh("other", otherV1)));

      List<ModuleReload> outcomes =
          live.reload(List.of(fresh("greet", greetV2), fresh("other", empty)), false);

      assertThat(outcomes.get(0)).isInstanceOf(ModuleReload.Updated.class);
      assertThat(outcomes.get(1)).isInstanceOf(ModuleReload.Failed.class);
      assertThat(answer(live, "greet")).isEqualTo("2.0");
      assertThat(answer(live, "other")).isEqualTo("1.0");
    }

    @Test
    void aSourceThatFailsLeavesTheRunningVersionAndSaysWhy() {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));

      List<ModuleReload> outcomes =
          live.reload(
              List.of(
                  new Refresh.Fallback(
                      cached("greet", greetV1), "HTTP 503 from x", Cause.HTTP_STATUS)),
              false);

      assertThat(outcomes)
          .extracting(ModuleReload::describe)
          .containsExactly(
              "greet: failed: HTTP 503 from x; still running " + label(greetV1, "greet"));
    }

    @Test
    void offlineTheCachedVersionIsNoFailure() {
      live = LiveModules.open(List.of(GREET), List.of(fresh("greet", greetV1)));

      List<ModuleReload> outcomes =
          live.reload(
              List.of(new Refresh.Fallback(cached("greet", greetV1), "offline", Cause.OFFLINE)),
              true);

      assertThat(outcomes).singleElement().isInstanceOf(ModuleReload.Unchanged.class);
    }

    @Test
    void aModuleThatWasUnavailableIsLoadedWhenItsJarArrives() {
      live =
          LiveModules.open(
              List.of(GREET),
              List.of(new Refresh.Unavailable("greet", "no network", Cause.UNREACHABLE)));

      List<ModuleReload> outcomes = live.reload(List.of(fresh("greet", greetV1)), false);

      assertThat(outcomes)
          .extracting(ModuleReload::describe)
          .containsExactly("greet: loaded " + label(greetV1, "greet"));
      assertThat(answer(live, "greet")).isEqualTo("1.0");
    }
  }

  static String label(Path jar, String module) {
    return cached(module, jar).label();
  }
}
