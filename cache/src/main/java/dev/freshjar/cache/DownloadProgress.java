package dev.freshjar.cache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * The hook through which a user interface follows module downloads, to show their progress. The
 * cache knows nothing of terminals: it reports bytes, and whoever listens decides what to draw.
 */
public final class DownloadProgress {
  /** Told about each download as it starts; returns what follows it. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A download has begun.
     *
     * @param module the module whose jar (or signature) is being downloaded
     * @param url where from
     * @param length its length in bytes, or -1 when the server did not say
     */
    Download started(String module, URI url, long length);
  }

  /** One download in progress. Called from the downloading thread. */
  public interface Download {
    /** {@code total} bytes have arrived so far. */
    void advanced(long total);

    /** The download is over, complete or not. Called once. */
    void finished();
  }

  private static volatile Listener listener;

  private DownloadProgress() {}

  /** Makes {@code l} the process's listener; null stops listening. */
  public static void listen(Listener l) {
    listener = l;
  }

  /**
   * {@code in}, reporting to the listener as it is read, until its end or a failed read. (A
   * download stopped for its size is not reported finished: the listener closes what it drew when
   * the refresh returns.)
   */
  static InputStream watch(String module, URI url, long length, InputStream in) {
    Listener l = listener;
    return l == null ? in : new Watched(in, l.started(module, url, length));
  }

  private static final class Watched extends FilterInputStream {
    private final Download download;
    private long total;
    private boolean finished;

    Watched(InputStream in, Download download) {
      super(in);
      this.download = download;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
      } catch (IOException e) {
        finish();
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = super.read(buffer, offset, length);
        count(n);
        return n;
      } catch (IOException e) {
        finish();
        throw e;
      }
    }

    private void count(int n) {
      if (n < 0) {
        finish();
      } else {
        total += n;
        download.advanced(total);
      }
    }

    private void finish() {
      if (!finished) {
        finished = true;
        download.finished();
      }
    }
  }
}
