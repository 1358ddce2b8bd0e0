package dev.freshjar.launcher.serve;

import dev.freshjar.api.Input;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A request's body as a rule's {@link Input}: streamed as it arrives, never held whole, cut at the
 * size limit. Whether the rule read it all is the rule's business; whether what it read was all
 * there is, is this class's: a body cut short (too large, the client gone, a timeout) fails the
 * request whatever the rule made of it.
 */
final class RequestBody {
  private final InputStream body;
  private final long limit;
  private final long length;
  private volatile boolean opened;
  private volatile IOException failure;
  private volatile boolean finished;

  /**
   * @param body the request's body
   * @param limit the most bytes to accept
   * @param length the body's declared length, or -1 when not declared
   */
  RequestBody(InputStream body, long limit, long length) {
    this.body = body;
    this.limit = limit;
    this.length = length;
  }

  /** Thrown at the read that goes past the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the request body is larger than --max-body (" + limit + " bytes)");
    }
  }

  Input asInput(Charset charset) {
    return Input.of("request body", this::open, charset, length);
  }

  /** Whether the rule opened the body: from then on, the client is sending it. */
  boolean opened() {
    return opened;
  }

  /** Whether the body was read to its end. */
  boolean finished() {
    return finished;
  }

  /** Why reading the body failed, if it did: the request cannot be answered from it. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  private synchronized InputStream open() throws IOException {
    if (opened) {
      throw new IOException("the request body can be read once only");
    }
    opened = true;
    return new Limited(body);
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * Stops the body for a rule being cancelled: a read it is blocked in fails, and so does every
   * later one. Closing the rule's own stream does not: that leaves what it did not read to the
   * server, which may drain it before answering ({@link UnreadBody}).
   */
  void cut() {
    try {
      body.close();
    } catch (IOException e) {
      // The body fails the rule's reads either way; there is nobody else to tell.
    }
  }

  private final class Limited extends FilterInputStream {
    private long read;
    private volatile boolean closed;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (closed) {
        throw new IOException("the request body is closed");
      }
      int n;
      try {
        n = super.read(buffer, offset, count);
      } catch (IOException e) {
        throw failed(e);
      }
      if (n < 0) {
        finished = true;
      } else if (n > 0) {
        read += n;
        if (read > limit) {
          throw failed(new TooLarge(limit));
        }
      }
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public long skip(long n) throws IOException {
      // Through read, so that skipped bytes count against the limit too.
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }
  }
}
