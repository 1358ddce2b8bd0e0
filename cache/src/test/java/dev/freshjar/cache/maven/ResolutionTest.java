package dev.freshjar.cache.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which release the metadata leads to, and why none when none. */
class ResolutionTest {
  static final MavenArtifact ACME =
      MavenArtifact.parse("com.acme:acme-rules", URI.create("https://repo.example/releases"));

  static byte[] metadata(String... versions) {
    StringBuilder xml = new StringBuilder("<metadata><versioning><versions>");
    for (String v : versions) {
      xml.append("<version>").append(v).append("</version>");
    }
    return xml.append("</versions></versioning></metadata>")
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void versionsThatCannotBeAPath_areNamedAsTheReasonNothingIsAcceptable() {
    MavenException e =
        assertThrows(
            MavenException.class,
            () ->
                Resolution.choose(
                    metadata("1.0/../../../evil", "..", "2.0\\x"),
                    ACME,
                    Optional.empty(),
                    "https://repo.example/releases/com/acme/acme-rules/maven-metadata.xml"));

    assertTrue(
        e.getMessage().contains("3 of them cannot be a version"),
        () -> "the reason should count the unusable versions: " + e.getMessage());
  }
}
