package dev.freshjar.cache.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenArtifactTest {
  static final URI REPO = URI.create("https://repo.acme.example/releases");

  @Test
  void layout_followsTheMavenRepositoryLayout() {
    MavenArtifact a = MavenArtifact.parse("com.acme:acme-rules", REPO);
    assertEquals(
        "https://repo.acme.example/releases/com/acme/acme-rules/maven-metadata.xml",
        a.metadataUrl().toString());
    assertEquals(
        "https://repo.acme.example/releases/com/acme/acme-rules/2.1.0/acme-rules-2.1.0.jar",
        a.jarUrl("2.1.0").toString());
    assertEquals(
        a.jarUrl("2.1.0") + ".sha512", a.checksumUrl("2.1.0", ChecksumAlgorithm.SHA512).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.acme", "com.acme:", ":x", "a:b:c", "../x:y", "com/acme:y", "a:b c"})
  void badCoordinates_areRefused(String coordinates) {
    assertThrows(IllegalArgumentException.class, () -> MavenArtifact.parse(coordinates, REPO));
  }

  @Test
  void aRepositoryUrlWithAPassword_isRefusedWithoutRepeatingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MavenArtifact.parse("a:b", URI.create("https://me:hunter2@repo.example/")));
    assertFalse(e.getMessage().contains("hunter2"));
    assertTrue(e.getMessage().contains("FRESHJAR_REPO_TOKEN_"));
  }

  @Test
  void theValidatorsKey_changesWithTheVersionPolicy() {
    MavenArtifact a = MavenArtifact.parse("com.acme:acme-rules", REPO);
    MavenArtifact held = a.withPolicy(VersionPolicy.of("[2.0,3.0)", false));
    assertFalse(a.validatorsKey().equals(held.validatorsKey()));
    assertEquals(a.metadataUrl().getPath(), held.validatorsKey().getPath());
  }
}
