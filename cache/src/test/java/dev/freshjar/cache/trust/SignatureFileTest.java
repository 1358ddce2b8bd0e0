package dev.freshjar.cache.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureFileTest {
  static final SigningKey AUTHOR = SigningKey.generate();
  static final String SHA = "ab".repeat(32);
  static final SignedStatement STATEMENT =
      new SignedStatement(
          "acme",
          SHA,
          "2.1.0",
          Instant.parse("2025-06-01T12:00:00Z"),
          AUTHOR.publicKey().fingerprint());

  static String signed() {
    return SignatureFile.sign(STATEMENT, AUTHOR).text();
  }

  @Test
  void isTheCanonicalStatementThenItsSignature() {
    String text = signed();

    assertTrue(
        text.startsWith(
            "freshjar-signature-v1\n"
                + "module=acme\n"
                + "sha256="
                + SHA
                + "\n"
                + "version=2.1.0\n"
                + "signed-at=2025-06-01T12:00:00Z\n"
                + "key="
                + AUTHOR.publicKey().fingerprint()
                + "\n"
                + "signature="),
        text);
    assertTrue(text.endsWith("\n") && text.lines().count() == 7, text);
  }

  @Test
  void readsBackAndVerifiesWithTheAuthorsKey() throws BadSignatureException {
    SignatureFile file = SignatureFile.parse(signed().getBytes(StandardCharsets.UTF_8));

    file.verify(AUTHOR.publicKey());

    assertEquals(STATEMENT, file.statement());
    assertArrayEquals(signed().getBytes(StandardCharsets.UTF_8), file.bytes());
  }

  @Test
  void readsWithoutTheFinalNewlineToo() throws BadSignatureException {
    String text = signed();

    SignatureFile file =
        SignatureFile.parse(text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8));

    file.verify(AUTHOR.publicKey());
  }

  @Test
  void doesNotVerifyWithAnotherKey() throws BadSignatureException {
    SignatureFile file = SignatureFile.parse(signed().getBytes(StandardCharsets.UTF_8));
    AuthorKey other = SigningKey.generate().publicKey();

    BadSignatureException e = assertThrows(BadSignatureException.class, () -> file.verify(other));

    assertEquals(
        "signed by another key: key "
            + AUTHOR.publicKey().fingerprint()
            + " signed it, but the module trusts only key "
            + other.fingerprint(),
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"module=acme, module=acne", "version=2.1.0, version=2.1.1", "12:00:00Z, 12:00:01Z"})
  void doesNotVerifyOnceAnyValueOfTheStatementChanged(String from, String to)
      throws BadSignatureException {
    String altered = signed().replace(from, to);
    SignatureFile file = SignatureFile.parse(altered.getBytes(StandardCharsets.UTF_8));

    BadSignatureException e =
        assertThrows(BadSignatureException.class, () -> file.verify(AUTHOR.publicKey()));

    assertTrue(
        e.getMessage().startsWith("the signature does not verify with key "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty||its first line is not 'freshjar-signature-v1'",
        "an HTML page|<html>404</html>|its first line is not 'freshjar-signature-v1'",
        "a later format|freshjar-signature-v2\\n|its first line is not 'freshjar-signature-v1'",
        "too few lines|freshjar-signature-v1\\nmodule=acme\\n|it has 2 lines, not 7",
        "lines out of order|SWAP|line 2 does not start with 'module='",
        "Windows line ends|CRLF|it has carriage returns",
        "a bad hash|SHA|sha256 is not 64 lower-case hex digits",
        "a non-canonical time|TIME|not in canonical form",
        "a short signature|SHORTSIG|the signature has 3 bytes, not the 64",
        "a signature that is not base64|NOTB64|the signature is not base64",
      })
  void refusesWhatIsNotASignatureFile(String name, String how, String reason) {
    String good = signed();
    String text =
        switch (how == null ? "" : how) {
          case "SWAP" -> good.replaceFirst("module=acme\nsha256=(\\w+)", "sha256=$1\nmodule=acme");
          case "CRLF" -> good.replace("\n", "\r\n");
          case "SHA" -> good.replace(SHA, SHA.toUpperCase());
          case "TIME" -> good.replace("12:00:00Z", "12:00:00.000Z");
          case "SHORTSIG" -> good.replaceFirst("signature=.*", "signature=AAAA");
          case "NOTB64" -> good.replaceFirst("signature=.*", "signature=%%%");
          default -> how == null ? "" : how.replace("\\n", "\n");
        };

    BadSignatureException e =
        assertThrows(
            BadSignatureException.class,
            () -> SignatureFile.parse(text.getBytes(StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().startsWith("not a signature file: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    BadSignatureException e =
        assertThrows(
            BadSignatureException.class, () -> SignatureFile.parse(new byte[] {(byte) 0xff, 0}));

    assertEquals("not a signature file: not UTF-8 text", e.getMessage());
  }

  @Test
  void aStatementCannotCarryALineBreakInAValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SignedStatement(
                    "acme", SHA, "1.0\nmodule=evil", Instant.EPOCH, "0123456789abcdef"));

    assertTrue(e.getMessage().contains("control characters"), e.getMessage());
  }
}
