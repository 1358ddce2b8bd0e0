package dev.freshjar.textutils;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The characters of a reader, encoded as UTF-8 bytes; an unpaired surrogate becomes U+FFFD. */
final class Utf8EncodingStream extends InputStream {
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private final Reader reader;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .replaceWith(REPLACEMENT);
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
  private boolean readerEnded;
  private boolean flushed;

  Utf8EncodingStream(Reader reader) {
    this.reader = reader;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      encodeMore();
    }
    int count = Math.min(length, bytes.remaining());
    bytes.get(into, offset, count);
    return count;
  }

  private void encodeMore() throws IOException {
    if (!readerEnded) {
      chars.compact();
      int read = reader.read(chars);
      chars.flip();
      readerEnded = read < 0;
    }
    bytes.clear();
    CoderResult result = encoder.encode(chars, bytes, readerEnded);
    if (readerEnded && result.isUnderflow()) {
      result = encoder.flush(bytes);
      flushed = result.isUnderflow();
    }
    if (result.isError()) {
      result.throwException();
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
