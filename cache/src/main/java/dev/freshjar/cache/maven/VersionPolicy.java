package dev.freshjar.cache.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.Restriction;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * Which versions of an artifact a module accepts: a Maven version range ({@code [2.0,3.0)}), or
 * any; releases only, unless pre-releases are allowed or the range names one. Never a SNAPSHOT.
 *
 * @param spec the range as the user wrote it, or empty for any version
 * @param preReleases whether pre-releases ({@code -rc.1}, {@code -beta}) may be chosen
 */
public record VersionPolicy(Optional<String> spec, boolean preReleases) {
  public static final VersionPolicy RELEASES = new VersionPolicy(Optional.empty(), false);

  public VersionPolicy {
    Objects.requireNonNull(spec, "spec");
    spec.ifPresent(VersionPolicy::range);
  }

  /**
   * A policy with the range {@code spec}.
   *
   * @throws IllegalArgumentException saying what is wrong with the range
   */
  public static VersionPolicy of(String spec, boolean preReleases) {
    return new VersionPolicy(Optional.of(spec.strip()), preReleases);
  }

  /** The highest version of {@code versions} this policy accepts, by Maven's ordering. */
  Optional<String> choose(List<String> versions) {
    Optional<VersionRange> range = spec.map(VersionPolicy::range);
    boolean anyPreRelease = preReleases || range.map(VersionPolicy::namesPreRelease).orElse(false);
    String best = null;
    for (String v : versions) {
      if (!Versions.isSafe(v) || Versions.isSnapshot(v)) {
        continue;
      }
      if (!anyPreRelease && Versions.isPreRelease(v)) {
        continue;
      }
      if (range.isPresent() && !range.get().containsVersion(new DefaultArtifactVersion(v))) {
        continue;
      }
      if (best == null || Versions.compare(v, best) > 0) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether this policy accepts {@code version} (whatever else the repository has). */
  boolean accepts(String version) {
    return choose(List.of(version)).isPresent();
  }

  /** "releases in [2.0,3.0)", "releases and pre-releases", for reasons. */
  String describe() {
    String what = preReleases ? "releases and pre-releases" : "releases";
    return spec.map(s -> what + " in " + s).orElse(what);
  }

  /** A stable text of this policy, to tell whether a choice was made under the same one. */
  String key() {
    return "versions=" + spec.orElse("") + ";pre-releases=" + preReleases;
  }

  private static VersionRange range(String spec) {
    if (!spec.startsWith("[") && !spec.startsWith("(")) {
      throw new IllegalArgumentException(
          "'"
              + spec
              + "' is not a version range; write e.g. [2.0,3.0) for any 2.x, or ["
              + spec
              + "] for exactly "
              + spec);
    }
    try {
      return VersionRange.createFromVersionSpec(spec);
    } catch (InvalidVersionSpecificationException e) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not a Maven version range (" + e.getMessage() + ")", e);
    }
  }

  /** A range whose bounds name a pre-release asks for pre-releases explicitly. */
  private static boolean namesPreRelease(VersionRange range) {
    List<String> bounds = new ArrayList<>();
    for (Restriction r : range.getRestrictions()) {
      if (r.getLowerBound() != null) {
        bounds.add(r.getLowerBound().toString());
      }
      if (r.getUpperBound() != null) {
        bounds.add(r.getUpperBound().toString());
      }
    }
    return bounds.stream().anyMatch(Versions::isPreRelease);
  }
}
