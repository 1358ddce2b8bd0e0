package dev.freshjar.cache.maven;

import java.util.Optional;

/**
 * What to do after reading an artifact's metadata, given the release that runs now. The cache acts
 * on it; this class only decides.
 */
public final class Resolution {
  /** Bounds a metadata download: real metadata of even the busiest artifacts is far smaller. */
  public static final long MAX_METADATA_BYTES = MavenMetadata.MAX_BYTES;

  private Resolution() {}

  /** The decision: keep the current release, or fetch another. */
  public sealed interface Choice permits Keep, Fetch {}

  /** The current release stays: it is the one chosen, or newer than it and still accepted. */
  public record Keep() implements Choice {}

  /** Fetch {@code version}. */
  public record Fetch(String version) implements Choice {}

  /**
   * Chooses from {@code metadata} (the bytes of {@code artifact}'s {@code maven-metadata.xml}).
   *
   * @param current the release running now, if any
   * @param from the metadata's URL, for reasons
   * @throws MavenException when the metadata is not usable or lists no acceptable version
   */
  public static Choice choose(
      byte[] metadata, MavenArtifact artifact, Optional<MavenRelease> current, String from)
      throws MavenException {
    MavenMetadata parsed = MavenMetadata.parse(metadata, artifact, from);
    if (parsed.versions().isEmpty()) {
      throw new MavenException(
          "the metadata "
              + from
              + " lists no versions"
              + parsed.release().map(r -> " (its <release> is ignored)").orElse(""));
    }
    Optional<String> best = artifact.policy().choose(parsed.versions());
    if (best.isEmpty()) {
      long unusable = parsed.versions().stream().filter(v -> !Versions.isSafe(v)).count();
      throw new MavenException(
          "none of the "
              + parsed.versions().size()
              + " versions in "
              + from
              + " is acceptable: the module takes "
              + artifact.policy().describe()
              + ", never a SNAPSHOT"
              + (unusable == 0
                  ? ""
                  : "; "
                      + unusable
                      + " of them cannot be a version at all (a version names a directory of"
                      + " the repository: letters, digits, '.', '-', '_' and '+', never '..')"));
    }
    Optional<MavenRelease> same = current.filter(r -> r.isVersionOf(artifact));
    if (same.isPresent()) {
      String running = same.get().version();
      // A release the repository no longer lists as newest is no reason to go back: only the
      // user's rollback does that. Unless the module's versions no longer accept it.
      if (Versions.compare(best.get(), running) <= 0 && artifact.policy().accepts(running)) {
        return new Keep();
      }
    }
    return new Fetch(best.get());
  }
}
