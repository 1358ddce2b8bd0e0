package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.cache.maven.ChecksumAlgorithm;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenRelease;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code update} and the warnings say of a module from a Maven repository. */
class MavenUpdateLineTest {
  static final URI REPO = URI.create("https://repo.acme.example/releases/");

  static CachedJar jar(String version, String sha, Optional<ChecksumAlgorithm> checksum) {
    return new CachedJar(
        "acme",
        sha.repeat(64),
        Path.of("/cache/objects/x.jar"),
        "acme-rules",
        "manifest-" + version,
        REPO.resolve("com/acme/acme-rules/" + version + "/acme-rules-" + version + ".jar"),
        Instant.parse("2025-01-01T00:00:00Z"),
        Optional.empty(),
        Optional.of(new MavenRelease("com.acme", "acme-rules", version, REPO, checksum)));
  }

  static final ModuleSource SOURCE =
      ModuleSource.ofMaven(
          "acme",
          MavenArtifact.parse("com.acme:acme-rules", REPO),
          false,
          Duration.ofSeconds(10),
          Optional.empty());

  @Test
  void anUpdate_namesTheReleasesAndTheRepository() {
    Refresh r =
        new Refresh.Fresh(
            jar("2.1.0", "b", Optional.of(ChecksumAlgorithm.SHA512)),
            Optional.of(jar("2.0.0", "a", Optional.of(ChecksumAlgorithm.SHA1))));
    assertThat(OutcomeText.ofRefresh(r, false))
        .isEqualTo("acme: updated from 2.0.0/aaaaaaaaaaaa to 2.1.0/bbbbbbbbbbbb from " + REPO);
  }

  @Test
  void aReleaseWithoutChecksum_isSaidSo_onceWhenFetched() {
    Refresh fetched = new Refresh.Fresh(jar("2.1.0", "b", Optional.empty()), Optional.empty());
    assertThat(OutcomeText.ofRefresh(fetched, false))
        .endsWith("(the repository has no checksum file for it)");
    ModuleStatus status = new ModuleStatus(SOURCE, fetched, Optional.empty(), Optional.empty());
    assertThat(status.notice()).hasValueSatisfying(n -> assertThat(n).contains("no checksum file"));
    assertThat(status.warning()).isEmpty();

    CachedJar same = jar("2.1.0", "b", Optional.empty());
    Refresh unchanged = new Refresh.Fresh(same, Optional.of(same));
    assertThat(new ModuleStatus(SOURCE, unchanged, Optional.empty(), Optional.empty()).notice())
        .isEmpty();
  }

  @Test
  void aNewReleaseWithTheRunningJarsBytes_saysSo_namingBothReleases() {
    Refresh r =
        new Refresh.Fresh(
            jar("1.1.0", "a", Optional.of(ChecksumAlgorithm.SHA512)),
            Optional.of(jar("1.0.0", "a", Optional.of(ChecksumAlgorithm.SHA512))));
    assertThat(OutcomeText.ofRefresh(r, false))
        .isEqualTo(
            "acme: unchanged, 1.1.0/aaaaaaaaaaaa from "
                + REPO
                + " (release 1.1.0 has the same bytes as 1.0.0, which ran until now)");
  }
}
