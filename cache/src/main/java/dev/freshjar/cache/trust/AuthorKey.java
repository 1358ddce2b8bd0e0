package dev.freshjar.cache.trust;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A module author's Ed25519 public key, written the way a module's configuration takes it: {@code
 * ed25519:} followed by the base64 of the key's X.509 SubjectPublicKeyInfo (the form {@code openssl
 * pkey -pubout -outform DER} gives). Its fingerprint, the first 16 hex digits of the SHA-256 of
 * those bytes, is how users and messages name it.
 */
public final class AuthorKey {
  /** What a key in a configuration starts with. */
  public static final String PREFIX = "ed25519:";

  /** The DER prefix of every Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final int SPKI_LENGTH = SPKI_PREFIX.length + 32;

  private final PublicKey key;
  private final byte[] encoded;
  private final String fingerprint;

  private AuthorKey(PublicKey key, byte[] encoded) {
    this.key = key;
    this.encoded = encoded;
    this.fingerprint = HexFormat.of().formatHex(sha256(encoded), 0, 8);
  }

  /**
   * Reads a key as a configuration writes it, {@code ed25519:BASE64}.
   *
   * @throws IllegalArgumentException saying what is wrong and what a key looks like
   */
  public static AuthorKey parse(String text) {
    String t = text.strip();
    if (!t.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "'" + abbreviate(t) + "' is not an author key: it must start with '" + PREFIX + "'");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(t.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + abbreviate(t) + "' is not an author key: " + e.getMessage() + " in its base64");
    }
    if (bytes.length != SPKI_LENGTH
        || !Arrays.equals(bytes, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException(
          "'"
              + abbreviate(t)
              + "' is not an Ed25519 public key (expected the "
              + SPKI_LENGTH
              + " bytes of an X.509 SubjectPublicKeyInfo); copy the line 'freshjar keys generate'"
              + " printed");
    }
    return fromEncoded(bytes);
  }

  /** The key of an Ed25519 {@link PublicKey}. */
  static AuthorKey of(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (!"X.509".equals(key.getFormat()) || encoded.length != SPKI_LENGTH) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return fromEncoded(encoded);
  }

  /** Decodes SubjectPublicKeyInfo bytes already known to have the Ed25519 shape. */
  static AuthorKey fromEncoded(byte[] encoded) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
      return new AuthorKey(key, encoded.clone());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 15 and later provide Ed25519", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The first 16 hex digits of the SHA-256 of the key's encoded bytes. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The key as a configuration writes it: {@code ed25519:BASE64}. */
  public String text() {
    return PREFIX + Base64.getEncoder().encodeToString(encoded);
  }

  PublicKey publicKey() {
    return key;
  }

  byte[] encoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorKey k && Arrays.equals(encoded, k.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "key " + fingerprint;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must have SHA-256", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 20) + "...";
  }
}
