package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.maven.VersionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new release whose jar is byte for byte the running one (a re-release, a version bump without
 * code changes): nothing is reloaded, but the record keeps both release names, and the refresh says
 * that the new release has the running jar's bytes.
 */
@DisplayName("ModuleCache with a re-release of the same bytes")
class MavenSameBytesTest {
  @RegisterExtension static final LoopbackServer server = new LoopbackServer();

  @TempDir Path dir;
  ModuleCache cache;
  MavenRepoStub repo;
  ModuleSource source;

  /** One jar, whatever version it is published as. */
  static final byte[] JAR = TestJars.module("acme-rules", "1.0.0", "com.acme.Rule");

  static final byte[] OTHER = TestJars.module("acme-rules", "2.0.0", "com.acme.Rule2");

  @BeforeEach
  void runningOn1_0_0() {
    repo = new MavenRepoStub(server);
    cache =
        ModuleCache.open(
            dir.resolve("cache"), Settings.DEFAULTS.withLockWait(Duration.ofSeconds(5)));
    source =
        ModuleSource.ofMaven(
            "acme",
            MavenArtifact.parse(
                "com.acme:acme-rules", URI.create("http://127.0.0.1:" + server.port() + "/repo")),
            false,
            Duration.ofSeconds(10),
            Optional.empty());
    repo.publish("1.0.0", JAR);
    repo.metadata("1.0.0");
    assertEquals("1.0.0", version(refresh()));
  }

  Refresh refresh() {
    return cache.refresh(source, TestJars.DECLARES_RULES, false);
  }

  static String version(Refresh r) {
    return r.jar().orElseThrow().release().map(MavenRelease::version).orElseThrow();
  }

  List<String> historyVersions() {
    return cache.history("acme").stream().map(CachedJar::displayVersion).toList();
  }

  void rerelease() {
    repo.publish("1.1.0", JAR);
    repo.metadata("1.0.0", "1.1.0");
  }

  @Test
  void theRefresh_isTheNewRelease_withTheRunningJarsBytes() {
    rerelease();
    Refresh.Fresh r = assertInstanceOf(Refresh.Fresh.class, refresh());
    assertFalse(r.changed(), "the same bytes: nothing to reload");
    assertEquals("1.1.0", version(r));
    assertEquals(Optional.of("1.0.0"), r.sameBytesAs().map(CachedJar::displayVersion));
  }

  @Test
  void theHistory_keepsBothReleaseNames() {
    rerelease();
    refresh();
    assertEquals(List.of("1.1.0", "1.0.0"), historyVersions());
    assertEquals("1.1.0", cache.current("acme").orElseThrow().displayVersion());
  }

  @Test
  void theNextRun_keepsTheNewRelease_andSaysNothingOfTheBytes() {
    rerelease();
    refresh();
    Refresh.Fresh again = assertInstanceOf(Refresh.Fresh.class, refresh());
    assertEquals("1.1.0", version(again));
    assertEquals(Optional.empty(), again.sameBytesAs());
    assertEquals(List.of("1.1.0", "1.0.0"), historyVersions());
  }

  @Test
  void aRollback_goesToOtherBytes_notToTheSameJarUnderItsOldName() {
    rerelease();
    refresh();
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> cache.rollback("acme", Optional.empty()));
    assertTrue(none.getMessage().contains("no cached version fetched before"), none.getMessage());

    repo.publish("2.0.0", OTHER);
    repo.metadata("1.0.0", "1.1.0", "2.0.0");
    refresh();
    Rollback back = cache.rollback("acme", Optional.empty());
    assertEquals("1.1.0", back.to().displayVersion());
  }

  @Test
  void aRollbackByShaPrefix_isNotAmbiguous_betweenTwoNamesOfOneJar() {
    rerelease();
    refresh();
    repo.publish("2.0.0", OTHER);
    repo.metadata("1.0.0", "1.1.0", "2.0.0");
    refresh();
    Rollback back = cache.rollback("acme", Optional.of(TestJars.sha256(JAR).substring(0, 12)));
    assertEquals(TestJars.sha256(JAR), back.to().sha256());
  }

  @Test
  void aRangeAskingForTheOldName_makesItCurrent_withoutADownload_andStaysThere() {
    rerelease();
    refresh();
    source =
        ModuleSource.ofMaven(
            "acme",
            source.maven().orElseThrow().withPolicy(VersionPolicy.of("[1.0.0]", false)),
            false,
            Duration.ofSeconds(10),
            Optional.empty());
    server.resetRequests();
    Refresh.Fresh held = assertInstanceOf(Refresh.Fresh.class, refresh());
    assertEquals("1.0.0", version(held));
    assertEquals(Optional.of("1.1.0"), held.sameBytesAs().map(CachedJar::displayVersion));
    assertEquals("1.0.0", cache.current("acme").orElseThrow().displayVersion());
    assertEquals(1, server.getAllServeEvents().size(), "only the metadata");

    Refresh.Fresh again = assertInstanceOf(Refresh.Fresh.class, refresh());
    assertEquals("1.0.0", version(again));
    assertEquals(Optional.empty(), again.sameBytesAs());
  }

  @Test
  void gcKeepingTwoJars_keepsBothNamesOfTheSameJar_andTheOlderJar() {
    rerelease();
    refresh();
    repo.publish("2.0.0", OTHER);
    repo.metadata("1.0.0", "1.1.0", "2.0.0");
    refresh();
    assertEquals(List.of("2.0.0", "1.1.0", "1.0.0"), historyVersions());

    cache.gc(2);

    assertEquals(List.of("2.0.0", "1.1.0", "1.0.0"), historyVersions(), "two jars, three names");
  }
}
