package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.trust.AuthorKey;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a module's jar is published, how it may be fetched, and what makes a jar trusted.
 *
 * @param name the module's name: lower-case ASCII letters, digits and {@code -}, starting with a
 *     letter; it names the module's record in the cache
 * @param url an {@code https:}, {@code file:} or (see {@code allowPlainHttp}) {@code http:} URL
 * @param allowPlainHttp whether plain {@code http:} is allowed to a host that is not loopback
 * @param timeout the overall bound on one fetch of this module (connect, headers and body, and its
 *     signature when there is an author key)
 * @param expectedSha256 when present, the only jar accepted: its SHA-256, 64 lower-case hex digits
 * @param authorKey when present, every jar must come with a signature by this key, published at the
 *     jar's URL with {@code .sig} appended to its path
 * @param maven when present, the module follows this artifact's newest accepted version in a Maven
 *     repository, and {@code url} is that repository
 */
public record ModuleSource(
    String name,
    URI url,
    boolean allowPlainHttp,
    Duration timeout,
    Optional<String> expectedSha256,
    Optional<AuthorKey> authorKey,
    Optional<MavenArtifact> maven) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The overall fetch bound used when a module's configuration names none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ModuleSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(expectedSha256, "expectedSha256");
    Objects.requireNonNull(authorKey, "authorKey");
    Objects.requireNonNull(maven, "maven");
    requireValidName(name);
    if (maven.isPresent()) {
      url = maven.get().repository();
    }
    expectedSha256 = expectedSha256.map(ModuleSource::requireSha256);
  }

  /** A source of a jar at a URL. */
  public ModuleSource(
      String name,
      URI url,
      boolean allowPlainHttp,
      Duration timeout,
      Optional<String> expectedSha256,
      Optional<AuthorKey> authorKey) {
    this(name, url, allowPlainHttp, timeout, expectedSha256, authorKey, Optional.empty());
  }

  /** A source that follows {@code artifact} in its Maven repository. */
  public static ModuleSource ofMaven(
      String name,
      MavenArtifact artifact,
      boolean allowPlainHttp,
      Duration timeout,
      Optional<AuthorKey> authorKey) {
    return new ModuleSource(
        name,
        artifact.repository(),
        allowPlainHttp,
        timeout,
        Optional.empty(),
        authorKey,
        Optional.of(artifact));
  }

  /** The source as users see it: its URL, or the artifact and its repository. */
  public String describe() {
    return maven.isPresent() ? maven.get().describe() : url.toString();
  }

  /** A source that trusts whatever its URL serves: no pinned hash, no author key. */
  public ModuleSource(String name, URI url, boolean allowPlainHttp, Duration timeout) {
    this(name, url, allowPlainHttp, timeout, Optional.empty(), Optional.empty());
  }

  /** Whether {@code name} is a valid module name. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * Module names become file names in the cache, so they are checked wherever they enter.
   *
   * @throws IllegalArgumentException saying what a valid name looks like
   */
  public static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "module name '"
              + name
              + "' must be lower-case letters, digits and '-', starting with a letter");
    }
  }

  /** A source with the default policy: no plain http beyond loopback, the default timeout. */
  public static ModuleSource of(String name, URI url) {
    return new ModuleSource(name, url, false, DEFAULT_TIMEOUT);
  }

  /**
   * This source, accepting only the jar with this SHA-256 (hex digits, either case).
   *
   * @throws IllegalArgumentException when {@code sha256} is not 64 hex digits
   */
  public ModuleSource withExpectedSha256(String sha256) {
    return new ModuleSource(
        name, url, allowPlainHttp, timeout, Optional.of(sha256), authorKey, maven);
  }

  /** This source, accepting only jars signed by {@code key}. */
  public ModuleSource withAuthorKey(AuthorKey key) {
    return new ModuleSource(
        name, url, allowPlainHttp, timeout, expectedSha256, Optional.of(key), maven);
  }

  /** Whether anything beyond the URL decides which jar is accepted. */
  public boolean isVerified() {
    return expectedSha256.isPresent() || authorKey.isPresent();
  }

  private static String requireSha256(String sha256) {
    String s = sha256.strip().toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "sha256 '" + sha256 + "' is not a SHA-256: expected 64 hex digits, as sha256sum prints");
    }
    return s;
  }
}
