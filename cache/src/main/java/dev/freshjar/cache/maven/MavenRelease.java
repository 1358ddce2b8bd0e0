package dev.freshjar.cache.maven;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One released version of an artifact in a repository: what a cached jar of a Maven module is.
 * Released versions are immutable, so the same release is the same bytes.
 *
 * @param groupId the artifact's group
 * @param artifactId the artifact's name
 * @param version the version chosen from the repository's metadata
 * @param repository the repository's base URL
 * @param checksum the repository checksum file the jar was verified against; empty when the
 *     repository published none
 */
public record MavenRelease(
    String groupId,
    String artifactId,
    String version,
    URI repository,
    Optional<ChecksumAlgorithm> checksum) {
  public MavenRelease {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** {@code group:artifact:version}, as Maven writes coordinates. */
  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /** Whether {@code version} of {@code artifact} (its repository included) is this release. */
  public boolean isVersionOf(MavenArtifact artifact) {
    return groupId.equals(artifact.groupId())
        && artifactId.equals(artifact.artifactId())
        && repository.equals(artifact.repository());
  }

  /**
   * Reads what {@link #coordinates()} wrote.
   *
   * @throws IllegalArgumentException when it is not {@code group:artifact:version}
   */
  public static MavenRelease parse(
      String coordinates, URI repository, Optional<ChecksumAlgorithm> checksum) {
    String[] parts = coordinates.split(":", -1);
    if (parts.length != 3
        || !MavenArtifact.isValidId(parts[0])
        || !MavenArtifact.isValidId(parts[1])
        || !Versions.isSafe(parts[2])) {
      throw new IllegalArgumentException("'" + coordinates + "' is not group:artifact:version");
    }
    return new MavenRelease(parts[0], parts[1], parts[2], repository, checksum);
  }
}
