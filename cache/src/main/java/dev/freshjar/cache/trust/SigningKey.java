package dev.freshjar.cache.trust;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An author's Ed25519 key pair, kept in a file only its owner can read. The file holds two PEM
 * blocks: the private key (PKCS#8, {@code PRIVATE KEY}) and its public key (X.509, {@code PUBLIC
 * KEY}), so that signing knows the key's fingerprint without deriving it. OpenSSL reads the file as
 * it is; a key made with {@code openssl genpkey -algorithm ed25519 -out k.pem} becomes one with
 * {@code openssl pkey -in k.pem -pubout >> k.pem}.
 */
public final class SigningKey {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private final PrivateKey privateKey;
  private final AuthorKey publicKey;

  private SigningKey(PrivateKey privateKey, AuthorKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A new random key pair. */
  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(pair.getPrivate(), AuthorKey.of(pair.getPublic()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 15 and later provide Ed25519", e);
    }
  }

  /** The public half, which users put in their configuration. */
  public AuthorKey publicKey() {
    return publicKey;
  }

  /**
   * Writes the key pair to a new file that only its owner may read or write. The permissions are
   * set as the file is created, so that the key is never readable by others, not even briefly.
   *
   * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists: a key is never
   *     overwritten
   * @throws UnsupportedOperationException when the file system has no POSIX permissions
   * @throws IOException when the file cannot be written
   */
  public void writeNew(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      throw new UnsupportedOperationException(
          "cannot make " + file + " readable by its owner only on this file system");
    }
    byte[] content = pemText().getBytes(StandardCharsets.UTF_8);
    boolean written = false;
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      // From here on the file is ours: anything that goes wrong removes it.
      written = true;
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    } catch (IOException e) {
      if (written) {
        Files.deleteIfExists(file);
      }
      throw e;
    }
  }

  /**
   * Reads a key file written by {@link #writeNew}.
   *
   * @throws IllegalArgumentException when the file is not such a key, saying why
   * @throws IOException when it cannot be read
   */
  public static SigningKey read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    byte[] privateBytes = block(text, "PRIVATE KEY", file);
    byte[] publicBytes = block(text, "PUBLIC KEY", file);
    PrivateKey privateKey;
    AuthorKey publicKey;
    try {
      privateKey =
          KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
      publicKey =
          AuthorKey.parse(AuthorKey.PREFIX + Base64.getEncoder().encodeToString(publicBytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 15 and later provide Ed25519", e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + " is not an Ed25519 signing key: " + e.getMessage(), e);
    }
    SigningKey key = new SigningKey(privateKey, publicKey);
    if (!key.matches()) {
      throw new IllegalArgumentException(
          file
              + " is not a usable signing key: its private and public keys do not belong together");
    }
    return key;
  }

  /** Signs {@code data} with the private key. */
  byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an Ed25519 key: " + e.getMessage(), e);
    }
  }

  private boolean matches() {
    byte[] probe = "freshjar key probe".getBytes(StandardCharsets.UTF_8);
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey.publicKey());
      verifier.update(probe);
      return verifier.verify(sign(probe));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private String pemText() {
    return pem("PRIVATE KEY", privateKey.getEncoded()) + pem("PUBLIC KEY", publicKey.encoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] block(String text, String type, Path file) {
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        return Base64.getMimeDecoder().decode(m.group(2));
      }
    }
    throw new IllegalArgumentException(
        file
            + " is not a freshjar signing key: it has no '-----BEGIN "
            + type
            + "-----' block"
            + (type.equals("PUBLIC KEY")
                ? "; add it with: openssl pkey -in " + file + " -pubout >> " + file
                : ""));
  }
}
