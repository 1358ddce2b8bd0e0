package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ModuleCache pin, rollback, gc and verify")
class CacheMaintenanceTest {
  static final byte[][] VERSIONS =
      IntStream.rangeClosed(1, 5)
          .mapToObj(i -> TestJars.module("mod", i + ".0", "com.example.R" + i))
          .toArray(byte[][]::new);

  @RegisterExtension static final LoopbackServer server = new LoopbackServer();

  @TempDir Path dir;
  ModuleCache cache;

  @BeforeEach
  void openCache() {
    cache =
        ModuleCache.open(
            dir.resolve("cache"), Settings.DEFAULTS.withLockWait(Duration.ofSeconds(5)));
  }

  static ModuleSource source(String module) {
    return new ModuleSource(
        module,
        URI.create("http://127.0.0.1:" + server.port() + "/" + module + ".jar"),
        false,
        Duration.ofSeconds(5));
  }

  /** Serves version {@code n} (1-based) of {@code module} and refreshes it; returns the jar. */
  CachedJar fetch(String module, int n) {
    return fetch(module, VERSIONS[n - 1], "\"v" + n + "\"");
  }

  CachedJar fetch(String module, byte[] jar, String etag) {
    server.stubFor(
        get("/" + module + ".jar").willReturn(aResponse().withHeader("ETag", etag).withBody(jar)));
    Refresh r = cache.refresh(source(module), TestJars.DECLARES_RULES, false);
    server.resetAll();
    return assertInstanceOf(Refresh.Fresh.class, r, r.toString()).current();
  }

  Refresh refresh(String module) {
    return cache.refresh(source(module), TestJars.DECLARES_RULES, false);
  }

  List<String> historyShas(String module) {
    return cache.history(module).stream().map(CachedJar::sha256).toList();
  }

  Path record(String module) {
    return cache.root().resolve("modules/" + module + ".record");
  }

  @Nested
  class Pin {
    @Test
    void keepsTheModuleAtItsVersionWithoutAskingTheSource() {
      CachedJar v1 = fetch("mod", 1);
      cache.pin("mod");
      server.stubFor(get("/mod.jar").willReturn(aResponse().withBody(VERSIONS[1])));

      Refresh r = refresh("mod");

      assertEquals(new Refresh.Pinned(v1), r);
      assertEquals(List.of(), server.getAllServeEvents(), "requests to the source");
      assertTrue(cache.entry("mod").orElseThrow().pinned());
    }

    @Test
    void isReportedOfflineToo() {
      CachedJar v1 = fetch("mod", 1);
      cache.pin("mod");

      assertEquals(new Refresh.Pinned(v1), cache.offline(source("mod")));
    }

    @Test
    void winsOverARefreshThatWasDownloadingWhenThePinCame() {
      CachedJar v1 = fetch("mod", 1);
      server.stubFor(get("/mod.jar").willReturn(aResponse().withBody(VERSIONS[1])));
      // The check runs between download and install: the user pins right then.
      JarCheck pinMeanwhile = jar -> cache.pin("mod");

      Refresh r = cache.refresh(source("mod"), pinMeanwhile, false);

      assertEquals(new Refresh.Pinned(v1), r);
      assertEquals(Optional.of(v1), cache.current("mod"));
    }

    @Test
    void unpinLetsTheNextRefreshFetchTheNewest() {
      fetch("mod", 1);
      cache.pin("mod");
      cache.unpin("mod");
      server.stubFor(get("/mod.jar").willReturn(aResponse().withBody(VERSIONS[1])));

      Refresh r = refresh("mod");

      assertTrue(assertInstanceOf(Refresh.Fresh.class, r, r.toString()).changed());
      assertFalse(cache.entry("mod").orElseThrow().pinned());
    }

    @Test
    void ofAModuleNeverFetchedIsRefused() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> cache.pin("other"));

      assertEquals("module other is not in the cache: it was never fetched", e.getMessage());
    }

    @Test
    void whoseJarWentMissingMakesTheModuleUnavailableSayingHowToUnpin() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      cache.pin("mod");
      Files.delete(v1.jar());

      Refresh r = refresh("mod");

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains("'freshjar modules unpin mod'"), reason);
    }
  }

  @Nested
  class Rollback {
    @Test
    void withoutAShaGoesBackToTheVersionFetchedBeforeAndPinsIt() {
      CachedJar v1 = fetch("mod", 1);
      CachedJar v2 = fetch("mod", 2);

      dev.freshjar.cache.Rollback rollback = cache.rollback("mod", Optional.empty());

      assertEquals(new dev.freshjar.cache.Rollback(v2, v1), rollback);
      ModuleEntry entry = cache.entry("mod").orElseThrow();
      assertEquals(v1, entry.current());
      assertTrue(entry.pinned());
      assertEquals(List.of(v2.sha256(), v1.sha256()), historyShas("mod"), "history unchanged");
    }

    @ParameterizedTest(name = "given {0} hex digits")
    @ValueSource(ints = {6, 12, 64})
    void byAShaPrefixGoesToThatVersion(int digits) {
      CachedJar v1 = fetch("mod", 1);
      fetch("mod", 2);
      fetch("mod", 3);

      cache.rollback("mod", Optional.of(v1.sha256().substring(0, digits).toUpperCase()));

      assertEquals(Optional.of(v1), cache.current("mod"));
    }

    @Test
    void isNotUndoneByTheNextRefreshAndUnpinFetchesTheNewestInFull() {
      CachedJar v1 = fetch("mod", 1);
      CachedJar v2 = fetch("mod", 2);
      cache.rollback("mod", Optional.empty());
      // A conditional GET with v2's ETag would be told "not modified" and keep v1 for good.
      server.stubFor(
          get("/mod.jar")
              .withHeader("If-None-Match", equalTo("\"v2\""))
              .willReturn(aResponse().withStatus(304)));
      server.stubFor(
          get("/mod.jar")
              .withHeader("If-None-Match", absent())
              .willReturn(aResponse().withHeader("ETag", "\"v2\"").withBody(VERSIONS[1])));

      assertEquals(new Refresh.Pinned(v1), refresh("mod"));
      cache.unpin("mod");
      Refresh r = refresh("mod");

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(v2.sha256(), fresh.current().sha256());
      server.verify(1, getRequestedFor(urlEqualTo("/mod.jar")));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"abc", "not-hex!", "0123456789abcdef0123"})
    void refusesAPrefixThatIsShortMalformedOrUnknown(String prefix) {
      CachedJar v1 = fetch("mod", 1);
      fetch("mod", 2);

      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> cache.rollback("mod", Optional.of(prefix)));

      assertTrue(
          e.getMessage().contains("is not a SHA-256 prefix")
              || e.getMessage().contains("has no cached version whose sha256 starts with"),
          e.getMessage());
      assertFalse(cache.entry("mod").orElseThrow().pinned());
      assertFalse(cache.current("mod").orElseThrow().equals(v1));
    }

    @Test
    void refusesWhenNoVersionWasFetchedBeforeTheCurrentOne() {
      fetch("mod", 1);

      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> cache.rollback("mod", Optional.empty()));

      assertTrue(e.getMessage().contains("has no cached version fetched before"), e.getMessage());
      assertTrue(e.getMessage().contains("'freshjar modules history mod'"), e.getMessage());
    }

    @Test
    void refusesADamagedJarAndChangesNothing() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      CachedJar v2 = fetch("mod", 2);
      Files.write(v1.jar(), VERSIONS[2]);
      String before = Files.readString(record("mod"));

      CacheException e =
          assertThrows(CacheException.class, () -> cache.rollback("mod", Optional.empty()));

      assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
      assertEquals(before, Files.readString(record("mod")));
      assertEquals(Optional.of(v2), cache.current("mod"));
    }

    @Test
    void refusesAJarNoLongerStored() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      fetch("mod", 2);
      Files.delete(v1.jar());

      CacheException e =
          assertThrows(CacheException.class, () -> cache.rollback("mod", Optional.empty()));

      assertTrue(e.getMessage().contains("is no longer stored"), e.getMessage());
    }
  }

  @Nested
  class Gc {
    @Test
    void keepsTheNewestVersionsOfEachModuleAndDeletesTheRest() {
      List<CachedJar> fetched = IntStream.rangeClosed(1, 5).mapToObj(n -> fetch("mod", n)).toList();

      GcReport report = cache.gc(3);

      assertEquals(
          List.of(fetched.get(4), fetched.get(3), fetched.get(2)), cache.history("mod"), "kept");
      assertEquals(Map.of("mod", List.of(fetched.get(1), fetched.get(0))), report.dropped());
      assertEquals(
          List.of(fetched.get(0).sha256(), fetched.get(1).sha256()).stream().sorted().toList(),
          report.deletedJars().stream().sorted().toList());
      assertFalse(Files.exists(fetched.get(0).jar()));
      assertFalse(Files.exists(fetched.get(1).jar()));
      assertTrue(report.bytesFreed() > 0);
      assertTrue(cache.verify().clean(), cache.verify().toString());
    }

    @Test
    void dropsOlderVersionsWhoseJarsCanNeverRunAndKeepsTheNewestThatCan() throws IOException {
      List<CachedJar> fetched = IntStream.rangeClosed(1, 5).mapToObj(n -> fetch("mod", n)).toList();
      Files.write(fetched.get(3).jar(), VERSIONS[1]);
      Files.delete(fetched.get(2).jar());

      GcReport report = cache.gc(3);

      assertEquals(
          List.of(fetched.get(4), fetched.get(1), fetched.get(0)), cache.history("mod"), "kept");
      assertEquals(
          Map.of(
              "mod",
              List.of(
                  new LostVersion(fetched.get(3), LostVersion.Damage.DAMAGED),
                  new LostVersion(fetched.get(2), LostVersion.Damage.MISSING))),
          report.lost());
      assertEquals(Map.of(), report.dropped());
      assertFalse(Files.exists(fetched.get(3).jar()));
      assertTrue(cache.verify().clean(), cache.verify().toString());
    }

    @Test
    void leavesADamagedCurrentJarForUpdateToRepair() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      Files.write(v1.jar(), VERSIONS[2]);

      GcReport report = cache.gc(3);

      assertEquals(Map.of(), report.lost());
      assertEquals(List.of(v1), cache.history("mod"));
      assertTrue(Files.exists(v1.jar()));
    }

    @Test
    void neverRemovesTheCurrentOrPinnedJarHoweverOld() {
      List<CachedJar> fetched = IntStream.rangeClosed(1, 5).mapToObj(n -> fetch("mod", n)).toList();
      CachedJar oldest = fetched.get(0);
      cache.rollback("mod", Optional.of(oldest.sha256()));

      cache.gc(1);

      assertEquals(List.of(fetched.get(4), oldest), cache.history("mod"));
      ModuleEntry entry = cache.entry("mod").orElseThrow();
      assertEquals(oldest, entry.current());
      assertTrue(entry.pinned());
      assertTrue(Files.isRegularFile(oldest.jar()));
      assertTrue(Files.isRegularFile(fetched.get(4).jar()));
    }

    @Test
    void neverRemovesAJarThatAnotherModuleStillNames() {
      byte[] shared = VERSIONS[0];
      fetch("first", shared, "\"s\"");
      fetch("first", VERSIONS[1], "\"2\"");
      CachedJar second = fetch("second", shared, "\"s\"");

      GcReport report = cache.gc(1);

      assertEquals(List.of(TestJars.sha256(shared)), historyShas("second"));
      assertEquals(List.of(TestJars.sha256(VERSIONS[1])), historyShas("first"));
      assertEquals(List.of(), report.deletedJars());
      assertTrue(Files.isRegularFile(second.jar()));
    }

    @Test
    void deletesAJarNoRecordNames() throws IOException {
      fetch("mod", 1);
      byte[] orphan = VERSIONS[4];
      Path stray = cache.root().resolve("objects/" + TestJars.sha256(orphan) + ".jar");
      Files.write(stray, orphan);

      GcReport report = cache.gc(3);

      assertEquals(List.of(TestJars.sha256(orphan)), report.deletedJars());
      assertFalse(Files.exists(stray));
    }

    @Test
    void deletesNoJarWhenARecordIsCorrupt() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      fetch("mod", 2);
      CachedJar other = fetch("other", 3);
      Files.writeString(record("other"), "format=1\ncurrent=nonsense\n");

      assertThrows(CacheException.class, () -> cache.gc(1));

      assertTrue(Files.isRegularFile(v1.jar()));
      assertTrue(Files.isRegularFile(other.jar()));
    }

    @Test
    void removesTheTemporaryRecordsACrashedWriterLeft() throws IOException {
      fetch("mod", 1);
      Path leftover = Files.writeString(cache.root().resolve("modules/.mod.record.x.tmp"), "half");

      cache.gc(3);

      assertFalse(Files.exists(leftover));
    }

    @Test
    void refusesToKeepFewerThanOneVersion() {
      assertThrows(IllegalArgumentException.class, () -> cache.gc(0));
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    void waitsForARefreshThatIsAddingAJarOnlyUpToTheBound() throws Exception {
      fetch("mod", 1);
      ModuleCache impatient =
          ModuleCache.open(cache.root(), Settings.DEFAULTS.withLockWait(Duration.ofMillis(200)));
      ObjectsLock lock = ObjectsLock.of(cache.root().resolve("objects.lock"));

      CompletionException failed;
      try (ObjectsLock.Held adding = lock.shared(Duration.ofSeconds(1))) {
        failed =
            assertThrows(
                CompletionException.class,
                () -> CompletableFuture.runAsync(() -> impatient.gc(1)).join());
      }

      CacheException e = assertInstanceOf(CacheException.class, failed.getCause());
      assertTrue(e.getMessage().contains("adding a jar"), e.getMessage());
      assertTrue(e.getMessage().contains("after 200ms"), e.getMessage());
      assertEquals(List.of(), impatient.gc(1).deletedJars(), "works once the lock is free");
    }
  }

  @Nested
  class Verify {
    @Test
    void findsNothingWrongWithAHealthyCache() {
      fetch("mod", 1);
      fetch("mod", 2);
      fetch("other", 3);

      VerifyReport report = cache.verify();

      assertEquals(new VerifyReport(3, 2, List.of()), report);
    }

    @Test
    void reportsAJarWhoseContentNoLongerMatchesItsName() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      Files.write(v1.jar(), VERSIONS[3]);

      VerifyReport report = cache.verify();

      assertEquals(1, report.problems().size(), report.toString());
      assertTrue(report.problems().get(0).startsWith(v1.jar() + " is damaged"), report.toString());
      assertTrue(report.problems().get(0).contains(TestJars.sha256(VERSIONS[3])));
    }

    @Test
    void reportsAVersionWhoseJarIsMissing() throws IOException {
      CachedJar v1 = fetch("mod", 1);
      fetch("mod", 2);
      Files.delete(v1.jar());

      VerifyReport report = cache.verify();

      assertEquals(1, report.problems().size(), report.toString());
      assertTrue(report.problems().get(0).startsWith("module mod: version 1.0/"));
      assertTrue(report.problems().get(0).contains("has no stored jar " + v1.jar()));
    }

    @Test
    void reportsAStrayFileAndACorruptRecord() throws IOException {
      fetch("mod", 1);
      Files.writeString(cache.root().resolve("objects/notes.txt"), "hello");
      Files.writeString(record("mod"), "format=1\n");

      VerifyReport report = cache.verify();

      assertEquals(2, report.problems().size(), report.toString());
      assertTrue(report.problems().get(0).contains("notes.txt does not belong in objects/"));
      assertTrue(report.problems().get(1).startsWith("corrupt record "));
    }
  }
}
