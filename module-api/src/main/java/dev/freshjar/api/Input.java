package dev.freshjar.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
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
 * <p>A {@link #isSeekable() seekable} input (freshjar offers one for a local regular file) may also
 * be opened at any offset with {@link #openStream(long)}, any number of times and from several
 * threads at once, so that a rule can read parts of it in parallel. Every other input is read once.
 *
 * <p>freshjar creates inputs for files, URLs and standard input; a module's own tests can use
 * {@link #ofBytes} and {@link #ofPath}.
 *
 * @since 1.0; seekable inputs and {@link #wrapStreams} since 1.1
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

  /**
   * Opens a fresh stream over a seekable document's bytes from an offset on.
   *
   * @since 1.1
   */
  @FunctionalInterface
  public interface RangeOpener {
    /**
     * Opens the document at {@code offset}.
     *
     * @param offset how many bytes to skip, from 0 to the document's size
     * @return a stream positioned at that byte; the caller closes it
     * @throws IOException when the document cannot be opened
     */
    InputStream open(long offset) throws IOException;

    /**
     * Opens a local file at any offset: each call its own channel, positioned there.
     *
     * @param file the file; it should not change while it is read
     * @return an opener of {@code file}
     * @since 1.1
     */
    static RangeOpener of(Path file) {
      Objects.requireNonNull(file, "file");
      return offset -> {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
          channel.position(offset);
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        return Channels.newInputStream(channel);
      };
    }
  }

  /**
   * Wraps each stream an input opens, for example to count, watch or cancel reads.
   *
   * @since 1.1
   */
  @FunctionalInterface
  public interface StreamWrapper {
    /**
     * Wraps a stream just opened.
     *
     * @param opened the stream; the wrapper's {@code close} must close it
     * @return the stream the rule reads
     * @throws IOException when the stream must not be read; {@code opened} is then closed for you
     */
    InputStream wrap(InputStream opened) throws IOException;
  }

  private final String name;
  // Opens at an offset; only seekable inputs are ever asked for one other than 0.
  private final RangeOpener opener;
  private final boolean seekable;
  private final Charset charset;
  private final long sizeHint;

  private Input(String name, RangeOpener opener, boolean seekable, Charset charset, long sizeHint) {
    this.name = Objects.requireNonNull(name, "name");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.seekable = seekable;
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
    Objects.requireNonNull(opener, "opener");
    return new Input(name, offset -> opener.open(), false, charset, sizeHint < 0 ? -1 : sizeHint);
  }

  /**
   * A seekable input: a document of known size, such as a local regular file, whose bytes do not
   * change while it is read and can be opened at any offset, many times, from several threads.
   *
   * @param name what the user called the document
   * @param opener opens the bytes at an offset
   * @param charset how the bytes decode to characters
   * @param size the size in bytes
   * @return the input
   * @throws IllegalArgumentException when {@code size} is negative
   * @since 1.1
   */
  public static Input ofSeekable(String name, RangeOpener opener, Charset charset, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a seekable input has a size, not " + size);
    }
    return new Input(name, opener, true, charset, size);
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
    return ofSeekable(
        path.toString(), RangeOpener.of(path), StandardCharsets.UTF_8, Files.size(path));
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
    return opener.open(0);
  }

  /**
   * Whether the document can be opened at any offset with {@link #openStream(long)}, many times and
   * from several threads; its {@link #sizeHint()} is then its exact size.
   *
   * @return true for a seekable input
   * @since 1.1
   */
  public boolean isSeekable() {
    return seekable;
  }

  /**
   * Opens a seekable document's bytes from {@code offset} on.
   *
   * @param offset the first byte to read, from 0 to the size
   * @return a stream the caller must close
   * @throws IOException when the document cannot be read
   * @throws IllegalStateException when the input is not {@link #isSeekable() seekable}
   * @throws IllegalArgumentException when {@code offset} is negative or past the end
   * @since 1.1
   */
  public InputStream openStream(long offset) throws IOException {
    if (!seekable) {
      throw new IllegalStateException(name + " can be read only once, from its start");
    }
    if (offset < 0 || offset > sizeHint) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside " + name + ", which has " + sizeHint + " bytes");
    }
    return opener.open(offset);
  }

  /**
   * The same document, with every stream it opens (at any offset) passed through {@code wrapper}.
   * This is how freshjar watches or cancels a rule's reads while keeping a seekable input seekable.
   *
   * @param wrapper wraps each stream opened
   * @return the wrapped input, seekable if this one is
   * @since 1.1
   */
  public Input wrapStreams(StreamWrapper wrapper) {
    Objects.requireNonNull(wrapper, "wrapper");
    RangeOpener inner = opener;
    RangeOpener wrapped =
        offset -> {
          InputStream opened = inner.open(offset);
          try {
            return wrapper.wrap(opened);
          } catch (IOException | RuntimeException | Error e) {
            try {
              opened.close();
            } catch (IOException suppressed) {
              e.addSuppressed(suppressed);
            }
            throw e;
          }
        };
    return new Input(name, wrapped, seekable, charset, sizeHint);
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
