package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.trust.AuthorSignature;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustLabelTest {
  static final String SHA = "ab".repeat(32);
  static final ModuleSource SOURCE =
      ModuleSource.of("acme", URI.create("https://example.org/a.jar"));
  static final Optional<AuthorSignature> SIGNED =
      Optional.of(new AuthorSignature("0123456789abcdef", "1.0", Instant.EPOCH));

  static CachedJar jar(Optional<AuthorSignature> signature) {
    return new CachedJar(
        "acme",
        SHA,
        Path.of("/cache/objects/" + SHA + ".jar"),
        "Acme",
        "1.0",
        SOURCE.url(),
        Instant.EPOCH,
        signature,
        Optional.empty());
  }

  @Test
  void namesTheKeyOfASignedJar() {
    assertThat(TrustLabel.of(Optional.of(jar(SIGNED)), SOURCE)).isEqualTo("key 0123456789abcdef");
  }

  @Test
  void saysPinnedForTheJarTheConfigurationNamesByHash() {
    ModuleSource pinned = SOURCE.withExpectedSha256(SHA);

    assertThat(TrustLabel.of(Optional.of(jar(Optional.empty())), pinned))
        .isEqualTo("sha256 pinned");
    assertThat(TrustLabel.of(Optional.of(jar(SIGNED)), pinned))
        .isEqualTo("key 0123456789abcdef, sha256 pinned");
  }

  @Test
  void saysUnsignedWhenOnlyTheUrlVouchesForTheJar() {
    assertThat(TrustLabel.of(Optional.of(jar(Optional.empty())), SOURCE)).isEqualTo("unsigned");
  }

  @Test
  void saysNothingWithoutAJar() {
    assertThat(TrustLabel.of(Optional.empty(), SOURCE)).isEqualTo("-");
  }
}
