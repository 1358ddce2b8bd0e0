package dev.freshjar.cache.maven;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** What a version string is, by Maven's own rules: its ordering comes from maven-artifact. */
final class Versions {
  /** Versions become parts of URLs and file names, and are shown on terminals. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9_.+-]{0,99}");

  private static final Pattern RELEASE_PART = Pattern.compile("[0-9][0-9.]*");

  private Versions() {}

  static boolean isSafe(String version) {
    return SAFE.matcher(version).matches() && !version.contains("..");
  }

  static boolean isSnapshot(String version) {
    return ArtifactUtils.isSnapshot(version)
        || version.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT");
  }

  /**
   * Whether Maven orders {@code version} before the release its leading numbers name: {@code
   * 1.0-rc.1}, {@code 2.0.0-beta}, {@code 3.0-M1} are; {@code 31.0-jre}, {@code 1.0.Final}, {@code
   * 1.0-sp1} are not.
   */
  static boolean isPreRelease(String version) {
    var leading = RELEASE_PART.matcher(version);
    if (!leading.lookingAt()) {
      return false;
    }
    String release = leading.group().replaceAll("\\.+$", "");
    return new ComparableVersion(version).compareTo(new ComparableVersion(release)) < 0;
  }

  static int compare(String a, String b) {
    return new ComparableVersion(a).compareTo(new ComparableVersion(b));
  }
}
