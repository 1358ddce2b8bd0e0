package dev.freshjar.launcher.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input counted into its {@link Meter} as it is read; closing it ends the meter. */
final class MeteredStream extends FilterInputStream {
  private final Meter meter;
  private long total;

  MeteredStream(InputStream in, Meter meter) {
    super(in);
    this.meter = meter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      meter.advanced(++total);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      total += n;
      meter.advanced(total);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    total += skipped;
    meter.advanced(total);
    return skipped;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      meter.close();
    }
  }
}
