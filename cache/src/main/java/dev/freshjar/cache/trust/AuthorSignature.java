package dev.freshjar.cache.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts an author's verified signature established about a jar, kept with it in the cache: by
 * which key, as which version, and when it was signed. Anti-downgrade compares a new jar's
 * statement against these facts of the current jar.
 *
 * @param keyFingerprint the fingerprint of the author key the signature verified with
 * @param version the version the author signed the jar as
 * @param signedAt when the author signed it
 */
public record AuthorSignature(String keyFingerprint, String version, Instant signedAt) {
  public AuthorSignature {
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(signedAt, "signedAt");
  }
}
