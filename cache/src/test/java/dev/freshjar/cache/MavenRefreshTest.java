package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.freshjar.cache.maven.ChecksumAlgorithm;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.RepositoryCredentials;
import dev.freshjar.cache.maven.VersionPolicy;
import dev.freshjar.cache.trust.SigningKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules from a Maven repository (WireMock serving the repository layout): the newest accepted
 * release by Maven's ordering, checked against the repository's checksum, and never downloaded
 * twice. Every failure keeps the running version, with the reason.
 */
@DisplayName("ModuleCache with a Maven repository")
class MavenRefreshTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String METADATA = MavenRepoStub.DIR + "maven-metadata.xml";

  @RegisterExtension static final LoopbackServer server = new LoopbackServer();
  @RegisterExtension static final LoopbackServer elsewhere = new LoopbackServer();

  @TempDir Path dir;
  ModuleCache cache;
  MavenRepoStub repo;

  @BeforeEach
  void openCache() {
    repo = new MavenRepoStub(server);
    cache =
        ModuleCache.open(
            dir.resolve("cache"), Settings.DEFAULTS.withLockWait(Duration.ofSeconds(5)));
  }

  static byte[] jar(String version) {
    return TestJars.module("acme-rules", version, "com.acme.Rule" + version.replace('.', '_'));
  }

  static MavenArtifact artifact() {
    return MavenArtifact.parse(
        MavenRepoStub.GROUP + ":" + MavenRepoStub.ARTIFACT,
        URI.create("http://127.0.0.1:" + server.port() + "/repo"));
  }

  static ModuleSource source(MavenArtifact artifact) {
    return ModuleSource.ofMaven("acme", artifact, false, TIMEOUT, Optional.empty());
  }

  static ModuleSource source() {
    return source(artifact());
  }

  Refresh refresh(ModuleSource source) {
    return cache.refresh(source, TestJars.DECLARES_RULES, false);
  }

  static String version(Refresh r) {
    return r.jar().orElseThrow().release().orElseThrow().version();
  }

  /** Publishes each version and lists them all in the metadata. */
  void release(String... versions) {
    for (String v : versions) {
      repo.publish(v, jar(v));
    }
    repo.metadata(versions);
  }

  List<LoggedRequest> requests() {
    return server.findAll(getRequestedFor(urlMatching(".*")));
  }

  @Nested
  class ChoosingTheVersion {
    @Test
    void takesTheHighestListedRelease() {
      release("1.0.0");
      Refresh r = refresh(source());
      assertInstanceOf(Refresh.Fresh.class, r);
      assertEquals("1.0.0", version(r));
      assertEquals(
          "com.acme:acme-rules:1.0.0", r.jar().orElseThrow().release().orElseThrow().coordinates());
    }

    @Test
    void aNewVersionAppearing_isFetched() {
      release("1.0.0");
      refresh(source());
      release("1.0.0", "1.1.0");
      Refresh r = refresh(source());
      assertTrue(((Refresh.Fresh) r).changed());
      assertEquals("1.1.0", version(r));
      assertEquals("1.0.0", ((Refresh.Fresh) r).previous().orElseThrow().displayVersion());
    }

    @Test
    void version1_10_0_beats1_9_0() {
      release("1.9.0", "1.10.0", "1.2.0");
      assertEquals("1.10.0", version(refresh(source())));
    }

    @Test
    void snapshotsAndReleaseCandidates_areIgnored() {
      release("1.0.0", "1.1.0-SNAPSHOT", "1.1.0-rc.1", "1.1.0-beta");
      assertEquals("1.0.0", version(refresh(source())));
    }

    @Test
    void preReleases_areTakenWhenAskedFor() {
      release("1.0.0", "1.1.0-SNAPSHOT", "1.1.0-rc.1");
      MavenArtifact a = artifact().withPolicy(new VersionPolicy(Optional.empty(), true));
      assertEquals("1.1.0-rc.1", version(refresh(source(a))));
    }

    @Test
    void aVersionsRange_holdsBack3_0_0() {
      release("2.0.0", "2.5.0", "3.0.0");
      MavenArtifact a = artifact().withPolicy(VersionPolicy.of("[2.0,3.0)", false));
      assertEquals("2.5.0", version(refresh(source(a))));
    }

    @Test
    void aStaleReleaseTag_isNotTrusted() {
      repo.publish("1.0.0", jar("1.0.0"));
      repo.publish("1.2.0", jar("1.2.0"));
      repo.metadataText(MavenRepoStub.metadataXml("1.0.0", "1.0.0", "1.2.0"));
      assertEquals("1.2.0", version(refresh(source())));
    }

    @Test
    void metadataListingOnlyLowerVersions_keepsTheRunningOne() {
      release("1.0.0", "2.0.0");
      refresh(source());
      repo.metadata("1.0.0");
      server.resetRequests();
      Refresh r = refresh(source());
      assertFalse(((Refresh.Fresh) r).changed());
      assertEquals("2.0.0", version(r));
      assertEquals(1, requests().size(), "only the metadata is asked for");
    }
  }

  @Nested
  class RequestsOfARunWhereNothingChanged {
    @Test
    void areOneConditionalMetadataRequest() {
      release("1.0.0");
      refresh(source());
      server.resetRequests();
      Refresh r = refresh(source());
      assertFalse(((Refresh.Fresh) r).changed());
      List<LoggedRequest> asked = requests();
      assertEquals(1, asked.size(), "requests: " + asked);
      assertEquals(METADATA, asked.get(0).getUrl());
      assertTrue(asked.get(0).containsHeader("If-None-Match"));
    }

    @Test
    void changedMetadataNamingTheSameRelease_downloadsNoJar() {
      release("1.0.0");
      refresh(source());
      repo.metadata("1.0.0", "1.1.0-SNAPSHOT");
      server.resetRequests();
      Refresh r = refresh(source());
      assertFalse(((Refresh.Fresh) r).changed());
      assertEquals(1, requests().size(), "a released jar is immutable: " + requests());
    }

    @Test
    void aReleaseCachedBefore_isNotDownloadedAgain() {
      release("1.0.0");
      refresh(source());
      release("1.0.0", "2.0.0");
      refresh(source());
      // Rolled back to 1.0.0 with 2.0.0 still cached; unpinned, the module follows 2.0.0 again.
      cache.rollback("acme", Optional.empty());
      cache.unpin("acme");
      server.resetRequests();
      Refresh r = refresh(source());
      assertTrue(((Refresh.Fresh) r).changed());
      assertEquals("2.0.0", version(r));
      assertEquals(1, requests().size(), "only the metadata: " + requests());
    }

    @Test
    void aChangedVersionsRange_readsTheMetadataAgain() {
      release("2.0.0", "3.0.0");
      assertEquals("3.0.0", version(refresh(source())));
      MavenArtifact held = artifact().withPolicy(VersionPolicy.of("[2.0,3.0)", false));
      assertEquals("2.0.0", version(refresh(source(held))));
    }
  }

  @Nested
  class Checksums {
    @Test
    void aWrongChecksum_isRefused_andTheRunningVersionStays() {
      release("1.0.0");
      refresh(source());
      repo.jar("1.1.0", jar("1.1.0"));
      repo.checksum("1.1.0", "sha512", MavenRepoStub.digest("SHA-512", jar("1.0.0")));
      repo.metadata("1.0.0", "1.1.0");
      Refresh r = refresh(source());
      Refresh.Fallback f = assertInstanceOf(Refresh.Fallback.class, r);
      assertTrue(f.reason().contains("checksum mismatch"), f.reason());
      assertTrue(f.reason().contains("acme-rules-1.1.0.jar.sha512"), f.reason());
      assertEquals("1.0.0", version(r));
      assertEquals("1.0.0", cache.current("acme").orElseThrow().displayVersion());
    }

    @Test
    void theStrongestPublishedChecksum_isUsed() {
      repo.jar("1.0.0", jar("1.0.0"));
      repo.checksum("1.0.0", "sha256", MavenRepoStub.digest("SHA-256", jar("1.0.0")));
      repo.checksum("1.0.0", "sha1", "0".repeat(40)); // wrong, but never read
      repo.metadata("1.0.0");
      Refresh r = refresh(source());
      assertEquals(
          Optional.of(ChecksumAlgorithm.SHA256),
          r.jar().orElseThrow().release().orElseThrow().checksum());
    }

    @Test
    void aSha1SumFileWithAFileName_isRead() {
      repo.jar("1.0.0", jar("1.0.0"));
      repo.checksum(
          "1.0.0",
          "sha1",
          MavenRepoStub.digest("SHA-1", jar("1.0.0")) + "  acme-rules-1.0.0.jar\n");
      repo.metadata("1.0.0");
      assertInstanceOf(Refresh.Fresh.class, refresh(source()));
    }

    @Test
    void noChecksumAtAll_installs_andSaysSo() {
      repo.jar("1.0.0", jar("1.0.0"));
      repo.metadata("1.0.0");
      Refresh r = refresh(source());
      assertInstanceOf(Refresh.Fresh.class, r);
      assertEquals(Optional.empty(), r.jar().orElseThrow().release().orElseThrow().checksum());
    }
  }

  @Nested
  class Failures {
    void runningOn1_0_0() {
      release("1.0.0");
      assertInstanceOf(Refresh.Fresh.class, refresh(source()));
    }

    Refresh.Fallback fallback() {
      Refresh r = refresh(source());
      Refresh.Fallback f = assertInstanceOf(Refresh.Fallback.class, r, r::toString);
      assertEquals("1.0.0", version(f));
      return f;
    }

    @Test
    void aListedVersionWhoseJarIsMissing() {
      runningOn1_0_0();
      repo.metadata("1.0.0", "1.1.0");
      String reason = fallback().reason();
      assertTrue(reason.contains("version 1.1.0 is listed"), reason);
      assertTrue(reason.contains("HTTP 404"), reason);
    }

    @Test
    void metadataThatIsNotXml() {
      runningOn1_0_0();
      repo.metadataText("<html><body>Bad gateway");
      assertTrue(fallback().reason().contains("not well-formed XML"));
    }

    @Test
    void metadataThatIsNotMavenMetadata() {
      runningOn1_0_0();
      repo.metadataText("<project/>");
      assertTrue(fallback().reason().contains("not Maven metadata"));
    }

    @Test
    void metadataWithExternalEntities_isRefusedUnresolved() throws Exception {
      runningOn1_0_0();
      Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
      repo.metadataText(
          "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \""
              + secret.toUri()
              + "\">]><metadata><versioning><versions><version>&x;</version>"
              + "</versions></versioning></metadata>");
      String reason = fallback().reason();
      assertTrue(reason.contains("DOCTYPE"), reason);
      assertFalse(reason.contains("TOP-SECRET"), reason);
    }

    @Test
    void deeplyNestedMetadata_isRefused_notOverflowingTheStack() {
      runningOn1_0_0();
      int depth = 100_000;
      repo.metadataText(
          "<metadata><versioning><versions><version>"
              + "<a>".repeat(depth)
              + "</a>".repeat(depth)
              + "</version></versions></versioning></metadata>");
      String reason = fallback().reason();
      assertTrue(reason.contains("not well-formed XML"), reason);
      assertTrue(reason.contains("depth"), reason);
    }

    @Test
    void metadataWithNoVersions() {
      runningOn1_0_0();
      repo.metadataText(MavenRepoStub.metadataXml("1.0.0"));
      assertTrue(fallback().reason().contains("lists no versions"));
    }

    @Test
    void metadataWithOnlySnapshots() {
      runningOn1_0_0();
      repo.metadata("1.1.0-SNAPSHOT");
      assertTrue(fallback().reason().contains("none of the 1 versions"));
    }

    @Test
    void hugeMetadata_isCutOff() {
      runningOn1_0_0();
      byte[] huge = new byte[(2 << 20)];
      java.util.Arrays.fill(huge, (byte) ' ');
      repo.metadataBytes(huge);
      assertTrue(fallback().reason().contains("larger than"), fallback().reason());
    }

    @Test
    void metadataForAnotherArtifact() {
      runningOn1_0_0();
      repo.metadataText(MavenRepoStub.metadataXml("9.0", "9.0").replace("acme-rules", "other"));
      assertTrue(fallback().reason().contains("is for artifactId 'other'"));
    }

    @Test
    void aRepositoryThatIsDown_whenNeverFetched_isUnavailable() {
      Refresh r = refresh(source());
      Refresh.Unavailable u = assertInstanceOf(Refresh.Unavailable.class, r);
      assertTrue(u.reason().contains("no metadata: HTTP 404"), u.reason());
      assertTrue(u.reason().contains("published in"), u.reason());
    }
  }

  @Nested
  class PrivateRepositories {
    static final String TOKEN = "s3cret-token-value";

    MavenArtifact withToken() throws Exception {
      return artifact()
          .withCredentials(
              RepositoryCredentials.fromEnvironment(
                  "acme", Map.of(RepositoryCredentials.TOKEN_PREFIX + "ACME", TOKEN)));
    }

    void requireToken() {
      server.stubFor(
          get(urlMatching("/repo/.*"))
              .withHeader("Authorization", absent())
              .atPriority(1)
              .willReturn(aResponse().withStatus(401)));
    }

    @Test
    void needsTheToken_andRefusesWithout() throws Exception {
      release("1.0.0");
      requireToken();
      Refresh.Unavailable without = assertInstanceOf(Refresh.Unavailable.class, refresh(source()));
      assertTrue(without.reason().contains("HTTP 401"), without.reason());
      assertTrue(without.reason().contains("FRESHJAR_REPO_TOKEN_ACME"), without.reason());

      Refresh with = refresh(source(withToken()));
      assertEquals("1.0.0", version(with));
      for (LoggedRequest r : server.findAll(getRequestedFor(urlMatching("/repo/.*")))) {
        if (r.containsHeader("Authorization")) {
          assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        }
      }
      server.verify(
          getRequestedFor(urlEqualTo(MavenRepoStub.jarPath("1.0.0")))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void theTokenIsNeverInAReasonNorTheRecord() throws Exception {
      requireToken();
      server.stubFor(
          get(urlEqualTo(METADATA)).atPriority(2).willReturn(aResponse().withStatus(403)));
      Refresh r = refresh(source(withToken()));
      assertFalse(r.toString().contains(TOKEN), r.toString());
      assertFalse(source(withToken()).toString().contains(TOKEN));
      release("1.0.0");
      server.resetAll();
      release("1.0.0");
      refresh(source(withToken()));
      for (Path f : Files.walk(dir.resolve("cache")).filter(Files::isRegularFile).toList()) {
        assertFalse(
            new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(TOKEN),
            f.toString());
      }
    }

    @Test
    void aRedirectToAnotherHost_doesNotCarryTheCredentials() throws Exception {
      repo.metadata("1.0.0");
      repo.checksum("1.0.0", "sha512", MavenRepoStub.digest("SHA-512", jar("1.0.0")));
      String cdn = "http://localhost:" + elsewhere.port() + "/cdn/acme-rules-1.0.0.jar";
      server.stubFor(
          get(urlEqualTo(MavenRepoStub.jarPath("1.0.0")))
              .willReturn(aResponse().withStatus(302).withHeader("Location", cdn)));
      elsewhere.stubFor(
          get(urlEqualTo("/cdn/acme-rules-1.0.0.jar"))
              .willReturn(aResponse().withStatus(200).withBody(jar("1.0.0"))));

      assertEquals("1.0.0", version(refresh(source(withToken()))));

      server.verify(
          getRequestedFor(urlEqualTo(METADATA))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
      elsewhere.verify(
          getRequestedFor(urlEqualTo("/cdn/acme-rules-1.0.0.jar")).withoutHeader("Authorization"));
    }
  }

  @Nested
  class SignedReleases {
    final SigningKey author = SigningKey.generate();

    ModuleSource signed() {
      return ModuleSource.ofMaven(
          "acme", artifact(), false, TIMEOUT, Optional.of(author.publicKey()));
    }

    byte[] sig(String version, Instant at) {
      return TrustedRefreshTest.signature(jar(version), "acme", version, at, author);
    }

    @Test
    void aReleaseWithItsSignature_isInstalled() {
      release("1.0.0");
      repo.signature("1.0.0", sig("1.0.0", TrustedRefreshTest.T1));
      Refresh r = refresh(signed());
      assertEquals("1.0.0", version(r));
      assertEquals("1.0.0", r.jar().orElseThrow().signature().orElseThrow().version());
    }

    @Test
    void aReleaseWithoutItsSignature_isRefused() {
      release("1.0.0");
      Refresh.Unavailable u = assertInstanceOf(Refresh.Unavailable.class, refresh(signed()));
      assertTrue(u.reason().contains("acme-rules-1.0.0.jar.sig"), u.reason());
    }

    @Test
    void aNewerReleaseSignedAsAnOlderVersion_isADowngrade() {
      release("2.0.0");
      repo.signature("2.0.0", sig("2.0.0", TrustedRefreshTest.T2));
      refresh(signed());
      release("2.0.0", "2.1.0");
      // The author's old 1.0 signature of these bytes, replayed.
      repo.signature(
          "2.1.0",
          TrustedRefreshTest.signature(
              jar("2.1.0"), "acme", "1.0.0", TrustedRefreshTest.T1, author));
      Refresh.Fallback f = assertInstanceOf(Refresh.Fallback.class, refresh(signed()));
      assertTrue(f.reason().contains("downgrade refused"), f.reason());
      assertEquals("2.0.0", version(f));
    }
  }

  @Nested
  class FileRepositories {
    Path publish(Path root, String version) throws Exception {
      Path d = root.resolve("com/acme/acme-rules/" + version);
      Files.createDirectories(d);
      Path jar = Files.write(d.resolve("acme-rules-" + version + ".jar"), jar(version));
      Files.writeString(
          d.resolve("acme-rules-" + version + ".jar.sha1"),
          MavenRepoStub.digest("SHA-1", jar(version)));
      return jar;
    }

    @Test
    void followsTheNewestVersion_andKeepsItWhenNothingChanged() throws Exception {
      Path root = dir.resolve("m2");
      publish(root, "1.0.0");
      Path metadata = root.resolve("com/acme/acme-rules/maven-metadata.xml");
      Files.writeString(metadata, MavenRepoStub.metadataXml("1.0.0", "1.0.0"));
      MavenArtifact a = MavenArtifact.parse("com.acme:acme-rules", root.toUri());
      ModuleSource s = source(a);
      assertEquals("1.0.0", version(refresh(s)));
      assertFalse(((Refresh.Fresh) refresh(s)).changed());

      publish(root, "1.1.0");
      Files.writeString(metadata, MavenRepoStub.metadataXml("1.1.0", "1.0.0", "1.1.0"));
      Refresh r = refresh(s);
      assertEquals("1.1.0", version(r));
      assertEquals(Optional.of(ChecksumAlgorithm.SHA1), r.jar().get().release().get().checksum());
    }

    @Test
    void aDirectoryWithoutTheArtifact_saysSo() {
      Path root = dir.resolve("empty-m2");
      Refresh r = refresh(source(MavenArtifact.parse("com.acme:acme-rules", root.toUri())));
      Refresh.Unavailable u = assertInstanceOf(Refresh.Unavailable.class, r);
      assertTrue(u.reason().contains("no metadata: no such file"), u.reason());
      assertTrue(u.reason().contains("is com.acme:acme-rules published in"), u.reason());
    }
  }
}
