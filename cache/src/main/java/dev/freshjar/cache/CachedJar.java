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

  /** A jar fetched from a URL. */
  public CachedJar(
      String module,
      String sha256,
      Path jar,
      String title,
      String version,
      URI source,
      Instant fetchedAt,
      Optional<AuthorSignature> signature) {
    this(module, sha256, jar, title, version, source, fetchedAt, signature, Optional.empty());
  }

  /** A jar accepted without an author's signature. */
  public CachedJar(
      String module,
      String sha256,
      Path jar,
      String title,
      String version,
      URI source,
      Instant fetchedAt) {
    this(module, sha256, jar, title, version, source, fetchedAt, Optional.empty());
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
}
