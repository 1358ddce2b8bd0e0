package dev.freshjar.textutils;

import dev.freshjar.api.Input;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An input's text as UTF-8 bytes, which is what the scanners read. A UTF-8 input is read as it is,
 * its malformed bytes left for the scanners to replace the way the reference does; any other
 * charset is decoded by Java (malformed input becoming U+FFFD) and encoded again as UTF-8.
 */
final class Utf8Text implements AutoCloseable {
  private final CountingStream raw;
  private final InputStream utf8;

  private Utf8Text(CountingStream raw, InputStream utf8) {
    this.raw = raw;
    this.utf8 = utf8;
  }

  /**
   * Opens the input.
   *
   * @throws IOException when it cannot be opened
   */
  static Utf8Text open(Input input) throws IOException {
    if (StandardCharsets.UTF_8.equals(input.charset())) {
      CountingStream raw = new CountingStream(input.openStream());
      return new Utf8Text(raw, raw);
    }
    // The same decoding as Input.openReader(), but over a counting stream, because wc reports the
    // input's own bytes, not those of its UTF-8 form. The decoder is made before the stream is
    // opened, so that a charset that cannot decode leaks nothing.
    CharsetDecoder decoder =
        input
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CountingStream raw = new CountingStream(input.openStream());
    return new Utf8Text(raw, new Utf8EncodingStream(new InputStreamReader(raw, decoder)));
  }

  /** The text as UTF-8. */
  InputStream bytes() {
    return utf8;
  }

  /** How many bytes of the input itself have been read so far. */
  long inputBytesRead() {
    return raw.count;
  }

  @Override
  public void close() throws IOException {
    utf8.close();
  }

  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read = super.read(bytes, offset, length);
      if (read > 0) {
        count += read;
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
