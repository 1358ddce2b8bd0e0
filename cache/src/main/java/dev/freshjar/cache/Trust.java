package dev.freshjar.cache;

import dev.freshjar.cache.trust.AuthorKey;
import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.BadSignatureException;
import dev.freshjar.cache.trust.SignatureFile;
import dev.freshjar.cache.trust.SignedStatement;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a jar may become, or stay, a module's current version under what the module's source
 * trusts: an expected SHA-256, an author's key, or nothing but its URL. Anti-downgrade is part of
 * this: a signed jar must not be older than the signed jar it replaces.
 */
final class Trust {
  /** How far ahead of this machine's clock a signature may be dated: clocks disagree a little. */
  static final Duration CLOCK_SKEW = Duration.ofDays(1);

  private Trust() {}

  /**
   * Why the cached {@code jar} may not run under {@code source}'s trust (it is not the pinned jar,
   * or was not verified with the module's key, e.g. because it was fetched before the key was
   * configured); empty when it may.
   */
  static Optional<String> distrust(ModuleSource source, CachedJar jar) {
    String label = "the cached " + label(jar.version(), jar.sha256());
    Optional<String> pinned = source.expectedSha256();
    if (pinned.isPresent() && !pinned.get().equals(jar.sha256())) {
      return Optional.of(label + " is not the jar pinned by sha256 " + pinned.get());
    }
    Optional<AuthorKey> key = source.authorKey();
    if (key.isPresent()) {
      String fingerprint = key.get().fingerprint();
      if (jar.signature().isEmpty()) {
        return Optional.of(
            label + " was not verified with key " + fingerprint + " (it was fetched unsigned)");
      }
      String signer = jar.signature().get().keyFingerprint();
      if (!signer.equals(fingerprint)) {
        return Optional.of(label + " is signed by key " + signer + ", not by key " + fingerprint);
      }
    }
    return Optional.empty();
  }

  /** Refuses a download that is not the jar the source pins, when it pins one. */
  static void checkPinned(ModuleSource source, String sha256, URI from) throws RefreshFailure {
    Optional<String> pinned = source.expectedSha256();
    if (pinned.isPresent() && !pinned.get().equals(sha256)) {
      throw new RefreshFailure(
          "sha256 mismatch: "
              + from
              + " has sha256 "
              + sha256
              + ", but module "
              + source.name()
              + " accepts only sha256 "
              + pinned.get());
    }
  }

  /**
   * Where a jar's signature is published: its URL with {@code .sig} appended to the path, any query
   * kept after it.
   */
  static URI signatureUrl(URI jar) throws RefreshFailure {
    if (jar.isOpaque() || jar.getRawPath() == null) {
      throw new RefreshFailure("cannot name the signature of " + jar + ": the URL has no path");
    }
    // Raw components, so that the jar's URL keeps its exact escaping.
    String url =
        jar.getScheme()
            + ":"
            + (jar.getRawAuthority() == null ? "" : "//" + jar.getRawAuthority())
            + jar.getRawPath()
            + ".sig"
            + (jar.getRawQuery() == null ? "" : "?" + jar.getRawQuery());
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new RefreshFailure("cannot name the signature of " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * Verifies the signature of a downloaded jar with the source's key: the file verifies, it is for
   * this module and these very bytes, it is not dated in the future, and it is not older than the
   * current signed version.
   *
   * @param signature the signature file's bytes
   * @param signatureUrl where they came from, for reasons
   * @param sha256 the jar's hash
   * @param jarUrl where the jar came from, for reasons
   * @param current the facts of the current version's signature, when it was verified with the same
   *     key: the baseline of anti-downgrade
   * @return the facts to keep with the jar
   */
  static AuthorSignature verify(
      ModuleSource source,
      byte[] signature,
      URI signatureUrl,
      String sha256,
      URI jarUrl,
      Optional<AuthorSignature> current,
      Instant now)
      throws RefreshFailure {
    AuthorKey key = source.authorKey().orElseThrow();
    SignedStatement statement;
    try {
      SignatureFile file = SignatureFile.parse(signature);
      file.verify(key);
      statement = file.statement();
    } catch (BadSignatureException e) {
      throw new RefreshFailure("bad signature " + signatureUrl + ": " + e.getMessage(), e);
    }
    if (!statement.module().equals(source.name())) {
      throw new RefreshFailure(
          "signed for another module: "
              + signatureUrl
              + " signs module '"
              + statement.module()
              + "', not '"
              + source.name()
              + "'");
    }
    if (!statement.sha256().equals(sha256)) {
      throw new RefreshFailure(
          "the jar does not match its signature: "
              + jarUrl
              + " has sha256 "
              + sha256
              + ", but "
              + signatureUrl
              + " signs sha256 "
              + statement.sha256()
              + " (the jar was altered, or the signature is for another upload)");
    }
    if (statement.signedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new RefreshFailure(
          "signed in the future: "
              + signatureUrl
              + " is dated "
              + statement.signedAt()
              + "; the author's clock or this machine's is wrong");
    }
    AuthorSignature facts = statement.facts();
    if (current.isPresent()) {
      checkNotOlder(facts, current.get(), jarUrl);
    }
    return facts;
  }

  /**
   * Anti-downgrade: refuses a signed jar signed before the current one, or signed as a lower
   * version (see {@link VersionOrder}).
   */
  static void checkNotOlder(AuthorSignature candidate, AuthorSignature current, URI jarUrl)
      throws RefreshFailure {
    boolean earlier = candidate.signedAt().isBefore(current.signedAt());
    boolean lower = VersionOrder.compare(candidate.version(), current.version()) < 0;
    if (earlier || lower) {
      throw new RefreshFailure(
          "downgrade refused: "
              + jarUrl
              + " is version "
              + candidate.version()
              + " signed "
              + candidate.signedAt()
              + ", "
              + (lower ? "a lower version than" : "signed earlier than")
              + " the current version "
              + current.version()
              + " signed "
              + current.signedAt()
              + " (an older release replayed?); only an explicit 'freshjar modules rollback' may go back");
    }
  }

  private static String label(String version, String sha256) {
    return "version " + CachedJar.label(version, sha256);
  }
}
