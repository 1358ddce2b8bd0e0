package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a stream while computing its SHA-256 and counting its bytes, up to a limit. Failures to
 * read the source and to write the target are told apart: the first is the source's problem, the
 * second the cache's.
 */
final class HashingCopy {
  private static final int BUFFER = 64 * 1024;

  private final MessageDigest digest = newDigest();
  private long bytes;

  /** The source could not be read; {@link #bytes()} says how much was. */
  static final class ReadFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ReadFailed(IOException cause) {
      super(cause.getMessage(), cause);
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  /** The source is longer than the limit. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  /**
   * Copies all of {@code in} to {@code out}.
   *
   * @throws IOException when writing {@code out} fails
   */
  void copy(InputStream in, OutputStream out, long limit) throws ReadFailed, TooLarge, IOException {
    byte[] buf = new byte[BUFFER];
    while (true) {
      int n;
      try {
        n = in.read(buf);
      } catch (IOException e) {
        throw new ReadFailed(e);
      }
      if (n < 0) {
        return;
      }
      bytes += n;
      if (bytes > limit) {
        throw new TooLarge(limit);
      }
      digest.update(buf, 0, n);
      out.write(buf, 0, n);
    }
  }

  long bytes() {
    return bytes;
  }

  /** The hash of everything copied, in lower-case hex; call once, after {@link #copy}. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The SHA-256 of a whole file, in lower-case hex.
   *
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it is gone)
   */
  static String sha256Of(Path file) throws IOException {
    HashingCopy copy = new HashingCopy();
    try (InputStream in = Files.newInputStream(file)) {
      copy.copy(in, OutputStream.nullOutputStream(), Long.MAX_VALUE);
    } catch (ReadFailed e) {
      throw e.cause();
    } catch (TooLarge e) {
      throw new IllegalStateException("no file is larger than Long.MAX_VALUE bytes", e);
    }
    return copy.sha256();
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must have SHA-256", e);
    }
  }
}
