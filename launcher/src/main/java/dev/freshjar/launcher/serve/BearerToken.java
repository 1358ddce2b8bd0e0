package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.CommandFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The token every request must carry as {@code Authorization: Bearer TOKEN}. Compared in constant
 * time: both sides are hashed first, so that neither the token's content nor its length shows in
 * how long a refusal takes.
 */
final class BearerToken {
  private static final String PREFIX = "Bearer ";

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  /**
   * The token in {@code file}: its first line, without surrounding white space.
   *
   * @throws CommandFailure (usage) when the file cannot be read or holds no token
   */
  static BearerToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandFailure.usage("--token-file " + file + ": cannot read it: " + e.getMessage());
    }
    String token = text.lines().findFirst().orElse("").strip();
    if (token.isEmpty()) {
      throw CommandFailure.usage(
          "--token-file " + file + " holds no token; put a long random string on its first line");
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw CommandFailure.usage(
          "--token-file " + file + ": the token must be printable ASCII without spaces");
    }
    return new BearerToken(sha256(token));
  }

  /** Whether {@code authorization}, the request's header (null when absent), carries the token. */
  boolean admits(String authorization) {
    // The scheme is case-insensitive (RFC 9110, 11.1); the token is not.
    if (authorization == null
        || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorization.substring(PREFIX.length())));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
