package dev.freshjar.cache.trust;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an author signs: not the jar's bytes alone but a small statement about them, so that a
 * signed jar cannot be passed off as another module, another version or a later release. Its
 * canonical text, the exact bytes the signature covers, is (UTF-8, each line ending in {@code \n}):
 *
 * <pre>
 * freshjar-signature-v1
 * module=NAME
 * sha256=HEX
 * version=VERSION
 * signed-at=INSTANT
 * key=FINGERPRINT
 * </pre>
 *
 * <p>{@code INSTANT} is written as {@link Instant#toString()} writes it (UTC, ISO-8601); {@code
 * key} names the signing key by its fingerprint, so that a refusal can say which key signed.
 *
 * @param module the module the jar is published as
 * @param sha256 the jar's SHA-256, 64 lower-case hex digits
 * @param version the version the author publishes it as
 * @param signedAt when it was signed
 * @param keyFingerprint the fingerprint of the signing key
 */
public record SignedStatement(
    String module, String sha256, String version, Instant signedAt, String keyFingerprint) {
  /** The first line of every statement: the format and its version. */
  public static final String FORMAT = "freshjar-signature-v1";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
  private static final int MAX_VALUE = 200;

  /**
   * @throws IllegalArgumentException when a value could not be written as one line of a statement
   */
  public SignedStatement {
    Objects.requireNonNull(signedAt, "signedAt");
    requireLine("module", module);
    requireLine("version", version);
    if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
      throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits: " + sha256);
    }
    if (!FINGERPRINT.matcher(Objects.requireNonNull(keyFingerprint, "key")).matches()) {
      throw new IllegalArgumentException(
          "key is not a fingerprint of 16 lower-case hex digits: " + keyFingerprint);
    }
  }

  /** The canonical text, the bytes a signature covers. */
  public String text() {
    return FORMAT
        + "\nmodule="
        + module
        + "\nsha256="
        + sha256
        + "\nversion="
        + version
        + "\nsigned-at="
        + signedAt
        + "\nkey="
        + keyFingerprint
        + "\n";
  }

  /** The facts a verified statement establishes, as the cache keeps them. */
  public AuthorSignature facts() {
    return new AuthorSignature(keyFingerprint, version, signedAt);
  }

  private static void requireLine(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    if (value.length() > MAX_VALUE) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_VALUE + " characters");
    }
    // A line break would let a value forge the lines after it; other controls only confuse.
    if (value.chars().anyMatch(Character::isISOControl) || !value.strip().equals(value)) {
      throw new IllegalArgumentException(
          what + " '" + value + "' has control characters or surrounding spaces");
    }
  }
}
