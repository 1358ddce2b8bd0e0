package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.trust.AuthorSignature;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified, immutable jar in the cache, as recorded for a module.
 *
 * @param module the module's name
 * @param sha256 the jar's SHA-256, 64 lower-case hex digits; also its file name in {@code objects/}
 * @param jar the content-addressed file; never rewritten
 * @param title the manifest's {@code Implementation-Title}, or empty
 * @param version the manifest's {@code Implementation-Version}, or empty
 * @param source the URL it was fetched from
 * @param fetchedAt when it was fetched
 * @param signature what its author's verified signature said, when the module required one
 * @param release the Maven release it is, for a module from a Maven repository
 */
public record CachedJar(
    String module,
    String sha256,
    Path jar,
    String title,
    String version,
    URI source,
    Instant fetchedAt,
    Optional<AuthorSignature> signature,
    Optional<MavenRelease> release) {

  public CachedJar {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(release, "release");
  }

  /**
   * The version users see: the Maven release's for a jar from a Maven repository, else the
   * manifest's; empty when neither names one.
   */
  public String displayVersion() {
    return release.isPresent() ? release.get().version() : version;
  }

  /** The first 12 hex digits of the hash, as users see it. */
  public String shortSha() {
    return sha256.substring(0, 12);
  }

  /**
   * Why this jar must not run, checked now: its file is missing, or does not hash to {@link
   * #sha256} (truncated, corrupted, swapped); empty when its bytes are the ones fetched. Hashes the
   * file once per process while its size, time and inode stay the same. The launcher calls this as
   * it opens a cached jar to load it. (Whether the jar is this module's at all, the cache checks
   * before it hands the jar out.)
   */
  public Optional<String> damage() {
    return ObjectIntegrity.damage(this);
  }

  /** "VERSION/SHA", e.g. {@code 1.0/3f2a9c1b7d4e}: how users see a version everywhere. */
  public String label() {
    return label(displayVersion(), sha256);
  }

  /** The label of a version whose manifest says {@code version} ("?" when it says nothing). */
  public static String label(String version, String sha256) {
    return (version.isEmpty() ? "?" : version) + "/" + sha256.substring(0, 12);
  }
}
