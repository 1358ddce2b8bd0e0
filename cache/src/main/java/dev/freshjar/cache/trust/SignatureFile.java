package dev.freshjar.cache.trust;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A detached signature, published beside the jar it signs as {@code JAR.sig}: the {@link
 * SignedStatement} in its canonical text, then one line {@code signature=BASE64}, the Ed25519
 * signature of exactly the statement's bytes. Parsing is strict, so that what is verified and what
 * is read are the very same bytes.
 */
public final class SignatureFile {
  /** Larger than any real signature file by far; the cache never downloads more. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final String[] KEYS = {"module", "sha256", "version", "signed-at", "key"};
  private static final int SIGNATURE_BYTES = 64;

  private final SignedStatement statement;
  private final byte[] signature;

  private SignatureFile(SignedStatement statement, byte[] signature) {
    this.statement = statement;
    this.signature = signature;
  }

  /**
   * Signs {@code statement} with {@code key}.
   *
   * @throws IllegalArgumentException when the statement names another key than {@code key}
   */
  public static SignatureFile sign(SignedStatement statement, SigningKey key) {
    if (!statement.keyFingerprint().equals(key.publicKey().fingerprint())) {
      throw new IllegalArgumentException(
          "the statement names key "
              + statement.keyFingerprint()
              + " but is signed with key "
              + key.publicKey().fingerprint());
    }
    return new SignatureFile(
        statement, key.sign(statement.text().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a signature file; does not verify it.
   *
   * @throws BadSignatureException saying which line is wrong and how
   */
  public static SignatureFile parse(byte[] bytes) throws BadSignatureException {
    if (bytes.length > MAX_BYTES) {
      throw new BadSignatureException("not a signature file: larger than " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadSignatureException("not a signature file: not UTF-8 text");
    }
    if (text.indexOf('\r') >= 0) {
      throw new BadSignatureException(
          "not a signature file: it has carriage returns (was it converted to Windows line"
              + " ends? upload it unchanged)");
    }
    String[] lines = text.split("\n", -1);
    // Seven lines, the last ending in a newline or not.
    int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    if (!lines[0].equals(SignedStatement.FORMAT)) {
      throw new BadSignatureException(
          "not a signature file: its first line is not '" + SignedStatement.FORMAT + "'");
    }
    if (count != KEYS.length + 2) {
      throw new BadSignatureException(
          "not a signature file: it has "
              + count
              + " lines, not "
              + (KEYS.length + 2)
              + " (the format line, "
              + String.join(", ", KEYS)
              + ", signature)");
    }
    String[] values = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      values[i] = value(lines[i + 1], KEYS[i], i + 2);
    }
    SignedStatement statement;
    try {
      statement =
          new SignedStatement(values[0], values[1], values[2], instant(values[3]), values[4]);
    } catch (IllegalArgumentException e) {
      throw new BadSignatureException("not a signature file: " + e.getMessage());
    }
    String canonical = String.join("\n", Arrays.copyOf(lines, KEYS.length + 1)) + "\n";
    if (!statement.text().equals(canonical)) {
      throw new BadSignatureException(
          "not a signature file: its statement is not in canonical form (signed-at must be"
              + " written like 2024-05-01T12:00:00Z)");
    }
    byte[] signature;
    String encoded = value(lines[KEYS.length + 1], "signature", KEYS.length + 2);
    try {
      signature = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new BadSignatureException("not a signature file: the signature is not base64");
    }
    if (signature.length != SIGNATURE_BYTES) {
      throw new BadSignatureException(
          "not a signature file: the signature has "
              + signature.length
              + " bytes, not the "
              + SIGNATURE_BYTES
              + " of an Ed25519 signature");
    }
    return new SignatureFile(statement, signature);
  }

  /**
   * Checks that {@code key} made this signature over this statement.
   *
   * @throws BadSignatureException when the statement names another key, or the signature does not
   *     verify (the statement or the signature was altered, or another key made it)
   */
  public void verify(AuthorKey key) throws BadSignatureException {
    if (!statement.keyFingerprint().equals(key.fingerprint())) {
      throw new BadSignatureException(
          "signed by another key: key "
              + statement.keyFingerprint()
              + " signed it, but the module trusts only key "
              + key.fingerprint());
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key.publicKey());
      verifier.update(statement.text().getBytes(StandardCharsets.UTF_8));
      valid = verifier.verify(signature);
    } catch (SignatureException e) {
      // A malformed signature (not a point on the curve, ...) is simply one that does not verify.
      valid = false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 15 and later provide Ed25519", e);
    }
    if (!valid) {
      throw new BadSignatureException(
          "the signature does not verify with key "
              + key.fingerprint()
              + ": the statement or the signature was altered, or another key made it");
    }
  }

  public SignedStatement statement() {
    return statement;
  }

  /** The file's text: the statement, then {@code signature=BASE64}. */
  public String text() {
    return statement.text() + "signature=" + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /** The file's bytes, as published. */
  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  private static String value(String line, String key, int lineNumber)
      throws BadSignatureException {
    String prefix = key + "=";
    if (!line.startsWith(prefix)) {
      throw new BadSignatureException(
          "not a signature file: line " + lineNumber + " does not start with '" + prefix + "'");
    }
    return line.substring(prefix.length());
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("signed-at '" + value + "' is not a UTC time", e);
    }
  }
}
