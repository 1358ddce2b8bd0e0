package dev.freshjar.cache.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The checksum files a Maven repository publishes beside an artifact, strongest first: the cache
 * uses the first one the repository has.
 */
public enum ChecksumAlgorithm {
  SHA512("sha512", "SHA-512", 128),
  SHA256("sha256", "SHA-256", 64),
  SHA1("sha1", "SHA-1", 40);

  /** A checksum file holds a digest and perhaps a file name: never more than this. */
  public static final long MAX_FILE_BYTES = 1024;

  private final String extension;
  private final String jcaName;
  private final int hexDigits;

  ChecksumAlgorithm(String extension, String jcaName, int hexDigits) {
    this.extension = extension;
    this.jcaName = jcaName;
    this.hexDigits = hexDigits;
  }

  /** The file name suffix, without the dot: {@code sha512}. */
  public String extension() {
    return extension;
  }

  /** The algorithm named by {@code extension}, as {@link #extension()} gives it. */
  public static ChecksumAlgorithm named(String extension) {
    for (ChecksumAlgorithm a : values()) {
      if (a.extension.equals(extension)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no checksum algorithm " + extension);
  }

  /**
   * The digest a checksum file states: its first word, in lower case. Files written by {@code
   * sha512sum} add the file's name after it; Maven's do not.
   *
   * @param from names the file in the reason
   */
  public String parse(byte[] file, String from) throws MavenException {
    String text = new String(file, StandardCharsets.US_ASCII).strip();
    String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (first.length() != hexDigits || !first.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new MavenException(
          "the checksum file "
              + from
              + " does not hold a "
              + jcaName
              + " digest ("
              + hexDigits
              + " hex digits): it starts '"
              + Text.bounded(first.length() > 20 ? first.substring(0, 20) + "..." : first)
              + "'");
    }
    return first;
  }

  /** The digest of {@code file}, in lower-case hex. */
  public String digest(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + jcaName, e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
