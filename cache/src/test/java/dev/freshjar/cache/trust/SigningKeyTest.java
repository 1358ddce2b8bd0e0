package dev.freshjar.cache.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
  @TempDir Path dir;

  @Test
  void isWrittenReadableByItsOwnerOnlyAndReadsBack() throws Exception {
    SigningKey key = SigningKey.generate();
    Path file = dir.resolve("author.key");

    key.writeNew(file);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    SigningKey read = SigningKey.read(file);
    assertEquals(key.publicKey(), read.publicKey());
    SignedStatement statement =
        new SignedStatement(
            "acme", "0".repeat(64), "1.0", Instant.EPOCH, read.publicKey().fingerprint());
    SignatureFile.sign(statement, read).verify(key.publicKey());
  }

  @Test
  void isAPrivateAndAPublicPemBlock() throws IOException {
    Path file = dir.resolve("author.key");
    SigningKey.generate().writeNew(file);

    String text = Files.readString(file);

    assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----\n"), text);
    assertTrue(text.contains("-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"), text);
    assertTrue(text.endsWith("-----END PUBLIC KEY-----\n"), text);
  }

  @Test
  void neverOverwritesAnExistingFile() throws IOException {
    Path file = Files.writeString(dir.resolve("author.key"), "precious");

    assertThrows(FileAlreadyExistsException.class, () -> SigningKey.generate().writeNew(file));

    assertEquals("precious", Files.readString(file));
  }

  @Test
  void refusesAFileWithoutThePublicKeySayingHowToAddIt() throws IOException {
    Path file = dir.resolve("author.key");
    SigningKey.generate().writeNew(file);
    String text = Files.readString(file);
    Path privateOnly =
        Files.writeString(
            dir.resolve("private.pem"), text.substring(0, text.indexOf("-----BEGIN PUBLIC")));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SigningKey.read(privateOnly));

    assertTrue(e.getMessage().contains("no '-----BEGIN PUBLIC KEY-----' block"), e.getMessage());
    assertTrue(
        e.getMessage().contains("openssl pkey -in " + privateOnly + " -pubout"), e.getMessage());
  }

  @Test
  void refusesAPrivateKeyPairedWithAnotherPublicKey() throws IOException {
    Path a = dir.resolve("a.key");
    Path b = dir.resolve("b.key");
    SigningKey.generate().writeNew(a);
    SigningKey.generate().writeNew(b);
    String ta = Files.readString(a);
    String tb = Files.readString(b);
    Path mixed =
        Files.writeString(
            dir.resolve("mixed.key"),
            ta.substring(0, ta.indexOf("-----BEGIN PUBLIC"))
                + tb.substring(tb.indexOf("-----BEGIN PUBLIC")),
            StandardCharsets.US_ASCII);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SigningKey.read(mixed));

    assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
  }
}
