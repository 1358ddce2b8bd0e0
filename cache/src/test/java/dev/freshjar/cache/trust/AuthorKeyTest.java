package dev.freshjar.cache.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorKeyTest {
  static final AuthorKey KEY = SigningKey.generate().publicKey();

  @Test
  void readsBackFromItsConfigurationText() {
    String text = KEY.text();

    assertTrue(text.matches("ed25519:[A-Za-z0-9+/]{59}="), text);
    assertEquals(KEY, AuthorKey.parse("  " + text + " "));
  }

  @Test
  void hasTheFingerprintOfTheFirst16HexDigitsOfItsSha256() {
    byte[] spki = Base64.getDecoder().decode(KEY.text().substring("ed25519:".length()));

    String expected = HexFormat.of().formatHex(AuthorKey.sha256(spki)).substring(0, 16);

    assertEquals(expected, KEY.fingerprint());
    assertNotEquals(KEY.fingerprint(), SigningKey.generate().publicKey().fingerprint());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MCowBQYDK2VwAyEA| must start with 'ed25519:'",
        "rsa:MCowBQYDK2VwAyEA| must start with 'ed25519:'",
        "ed25519:not base64!| in its base64",
        "ed25519:MCowBQYDK2VwAyEA| is not an Ed25519 public key",
        // An Ed448 key's SubjectPublicKeyInfo.
        "ed25519:MEMwBQYDK2VxAzoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "| is not an Ed25519 public key",
      })
  void refusesWhatIsNotAnEd25519Key(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AuthorKey.parse(text));

    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
