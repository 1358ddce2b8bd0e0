package dev.freshjar.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A document for a rule to read: a named stream of bytes with a charset and, where known, its size.
 *
 * <p>Open it once, with {@link #openStream()} for bytes or {@link #openReader()} for characters,
 * read it front to back, and close what you opened. Do not buffer the whole document: inputs may be
 * larger than memory. Bytes that are not valid in the charset decode to U+FFFD.
 *
 * <p>freshjar creates inputs for files, URLs and standard input; a module's own tests can use
 * {@link #ofBytes} and {@link #ofPath}.
 */
public final class Input {

  /** Opens a fresh stream over the document's bytes. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the document.
     *
     * @return a stream positioned at the first byte; the caller closes it
     * @throws IOException when the document cannot be opened
     */
    InputStream open() throws IOException;
  }

  private final String name;
  private final Opener opener;
  private final Charset charset;
  private final long sizeHint;

  private Input(String name, Opener opener, Charset charset, long sizeHint) {
    this.name = Objects.requireNonNull(name, "name");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.charset = Objects.requireNonNull(charset, "charset");
    this.sizeHint = sizeHint;
  }

  /**
   * An input read through {@code opener}.
   *
   * @param name what the user called the document (a path, a URL, or {@code -})
   * @param opener opens the bytes
   * @param charset how the bytes decode to characters
   * @param sizeHint the size in bytes, or a negative number when unknown
   * @return the input
   */
  public static Input of(String name, Opener opener, Charset charset, long sizeHint) {
    return new Input(name, opener, charset, sizeHint < 0 ? -1 : sizeHint);
  }

  /**
   * A UTF-8 input over bytes in memory.
   *
   * @param name what to call the document
   * @param bytes its content; not copied, so do not change it afterwards
   * @return the input
   */
  public static Input ofBytes(String name, byte[] bytes) {
    return of(name, () -> new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, bytes.length);
  }

  /**
   * A UTF-8 input over a file.
   *
   * @param path the file
   * @return the input
   * @throws IOException when the file's size cannot be read
   */
  public static Input ofPath(Path path) throws IOException {
    return of(
        path.toString(),
        () -> Files.newInputStream(path),
        StandardCharsets.UTF_8,
        Files.size(path));
  }

  /**
   * What the user called the document.
   *
   * @return a path, a URL, or {@code -} for standard input
   */
  public String name() {
    return name;
  }

  /**
   * The charset of the document's text.
   *
   * @return the charset, UTF-8 unless the source said otherwise
   */
  public Charset charset() {
    return charset;
  }

  /**
   * The document's size in bytes, when known in advance.
   *
   * @return the size, or empty for streams of unknown length
   */
  public OptionalLong sizeHint() {
    return sizeHint < 0 ? OptionalLong.empty() : OptionalLong.of(sizeHint);
  }

  /**
   * Opens the document's bytes.
   *
   * @return a stream the caller must close
   * @throws IOException when the document cannot be read
   */
  public InputStream openStream() throws IOException {
    return opener.open();
  }

  /**
   * Opens the document's characters, decoding with {@link #charset()} and replacing malformed input
   * with U+FFFD.
   *
   * @return a reader the caller must close
   * @throws IOException when the document cannot be read
   */
  public Reader openReader() throws IOException {
    return new InputStreamReader(
        openStream(),
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  @Override
  public String toString() {
    return name;
  }
}
