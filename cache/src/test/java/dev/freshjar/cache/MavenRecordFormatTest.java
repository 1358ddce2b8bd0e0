package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.cache.maven.ChecksumAlgorithm;
import dev.freshjar.cache.maven.MavenRelease;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record keeps a Maven module's release, and records written before that still read. */
class MavenRecordFormatTest {
  static final String SHA = "a".repeat(64);
  static final URI REPO = URI.create("https://repo.acme.example/releases/");
  static final URI JAR = REPO.resolve("com/acme/acme-rules/2.1.0/acme-rules-2.1.0.jar");

  @Test
  void aMavenRelease_roundTrips() {
    MavenRelease release =
        new MavenRelease(
            "com.acme", "acme-rules", "2.1.0", REPO, Optional.of(ChecksumAlgorithm.SHA512));
    ModuleRecord r =
        new ModuleRecord(
            "acme",
            URI.create(REPO + "com/acme/acme-rules/maven-metadata.xml#versions%3D"),
            new Validators(Optional.of("\"e1\""), Optional.empty()),
            SHA,
            false,
            List.of(
                new ModuleRecord.Version(
                    SHA,
                    "acme",
                    "2.1",
                    Instant.parse("2025-01-01T00:00:00Z"),
                    JAR,
                    Optional.empty(),
                    Optional.of(release))));
    String text = RecordFormat.write(r);
    assertTrue(text.contains("history.0.maven=com.acme:acme-rules:2.1.0"), text);
    assertEquals(r, RecordFormat.read(text));
  }

  @Test
  void aReleaseWithoutChecksum_roundTrips() {
    MavenRelease release =
        new MavenRelease("com.acme", "acme-rules", "2.1.0", REPO, Optional.empty());
    ModuleRecord r =
        new ModuleRecord(
            "acme",
            JAR,
            Validators.NONE,
            SHA,
            false,
            List.of(
                new ModuleRecord.Version(
                    SHA,
                    "",
                    "",
                    Instant.parse("2025-01-01T00:00:00Z"),
                    JAR,
                    Optional.empty(),
                    Optional.of(release))));
    assertEquals(r, RecordFormat.read(RecordFormat.write(r)));
  }

  @Test
  void aRecordWrittenBeforeMavenModules_stillReads() {
    String old =
        "format=1\nmodule=text\nurl=https://example.org/t.jar\ncurrent="
            + SHA
            + "\npinned=false\nhistory.0.sha256="
            + SHA
            + "\nhistory.0.title=t\nhistory.0.version=1.0\nhistory.0.fetched=2025-01-01T00:00:00Z\n"
            + "history.0.url=https://example.org/t.jar\n";
    ModuleRecord r = RecordFormat.read(old);
    assertEquals(Optional.empty(), r.current().release());
  }
}
