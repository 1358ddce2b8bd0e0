package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's and {@code --watch}'s reload when a Maven release is re-published with the running
 * jar's bytes: nothing is reloaded, and the line names the release the module now runs as.
 */
class SameBytesReloadTest {
  static final URI REPO = URI.create("https://repo.acme.example/releases/");
  static final ModuleSource ACME =
      ModuleSource.ofMaven(
          "greet",
          MavenArtifact.parse("com.acme:acme-rules", REPO),
          false,
          Duration.ofSeconds(10),
          Optional.empty());

  @TempDir Path dir;
  LiveModules live;

  @AfterEach
  void close() {
    if (live != null) {
      live.close();
    }
  }

  CachedJar asRelease(CachedJar jar, String version) {
    return new CachedJar(
        jar.module(),
        jar.sha256(),
        jar.jar(),
        jar.title(),
        jar.version(),
        REPO.resolve("com/acme/acme-rules/" + version + "/acme-rules-" + version + ".jar"),
        Instant.EPOCH,
        Optional.empty(),
        Optional.of(new MavenRelease("com.acme", "acme-rules", version, REPO, Optional.empty())));
  }

  @Test
  void aReRelease_isUnchanged_namingTheNewReleaseAndTheOldOne_andKeepsTheLoader() throws Exception {
    Path jar = ModuleJar.readingAnswer("greet", "greet", "1.0").writeTo(dir.resolve("greet.jar"));
    CachedJar plain = LiveModulesTest.cached("greet", jar);
    CachedJar v100 = asRelease(plain, "1.0.0");
    CachedJar v110 = asRelease(plain, "1.1.0");
    live = LiveModules.open(List.of(ACME), List.of(new Refresh.Fresh(v100, Optional.empty())));
    ClassLoader before = LiveModulesTest.loaderOf(live, "greet");

    List<ModuleReload> first =
        live.reload(List.of(new Refresh.Fresh(v110, Optional.of(v100))), false);
    List<ModuleReload> next =
        live.reload(List.of(new Refresh.Fresh(v110, Optional.of(v110))), false);

    assertThat(first)
        .extracting(ModuleReload::describe)
        .containsExactly(
            "greet: unchanged, "
                + v110.label()
                + " (release 1.1.0 has the same bytes as 1.0.0, which ran until now)");
    assertThat(next)
        .extracting(ModuleReload::describe)
        .containsExactly("greet: unchanged, " + v110.label());
    assertThat(LiveModulesTest.loaderOf(live, "greet")).isSameAs(before);
  }
}
