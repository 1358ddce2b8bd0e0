package dev.freshjar.cache.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionPolicyTest {
  static Optional<String> any(String... versions) {
    return VersionPolicy.RELEASES.choose(List.of(versions));
  }

  @Test
  void ordersVersionsAsMavenDoes_notAsText() {
    assertEquals(Optional.of("1.10.0"), any("1.9.0", "1.10.0", "1.2"));
    assertEquals(Optional.of("2.0"), any("2.0", "1.999.999"));
    assertEquals(Optional.of("1.0.1"), any("1.0", "1.0.1", "1.0.0"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.0-rc.1", "1.0-RC1", "2.0.0-beta", "3.0-M1", "1.0-alpha-2", "2.0.0.RC1"})
  void preReleases_areRecognised(String version) {
    assertTrue(Versions.isPreRelease(version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "31.0-jre", "1.0.Final", "1.0-sp1", "1.0-20250101", "1.0.0-ga"})
  void releases_areNotPreReleases(String version) {
    assertFalse(Versions.isPreRelease(version));
  }

  @Test
  void snapshots_areNeverChosen_evenWithPreReleases() {
    VersionPolicy pre = new VersionPolicy(Optional.empty(), true);
    assertEquals(Optional.of("1.0"), pre.choose(List.of("1.0", "2.0-SNAPSHOT")));
  }

  @Test
  void preReleases_whenAskedFor_orNamedByTheRange() {
    List<String> listed = List.of("1.0", "1.1-rc.1");
    assertEquals(Optional.of("1.0"), VersionPolicy.RELEASES.choose(listed));
    assertEquals(Optional.of("1.1-rc.1"), new VersionPolicy(Optional.empty(), true).choose(listed));
    assertEquals(Optional.of("1.1-rc.1"), VersionPolicy.of("[1.1-rc.1,2.0)", false).choose(listed));
  }

  @Test
  void aRange_holdsBackTheNextMajor() {
    assertEquals(
        Optional.of("2.5.0"),
        VersionPolicy.of("[2.0,3.0)", false).choose(List.of("2.0.0", "2.5.0", "3.0.0")));
  }

  @Test
  void unsafeVersionStrings_areSkipped() {
    assertEquals(Optional.of("1.0"), any("1.0", "../../etc", "2.0\u001b[31m", "9 9"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2.0|is not a version range", "[2.0,1.0]|is not a Maven version range"})
  void badRanges_sayWhatToWrite(String spec, String says) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VersionPolicy.of(spec, false));
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }
}
