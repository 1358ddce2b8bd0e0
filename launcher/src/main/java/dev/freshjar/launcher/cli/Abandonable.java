package dev.freshjar.launcher.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/** An early run's input, which fails at the next read once the checks found a newer jar. */
final class Abandonable extends FilterInputStream {
  private final BooleanSupplier superseded;

  Abandonable(InputStream in, BooleanSupplier superseded) {
    super(in);
    this.superseded = superseded;
  }

  @Override
  public int read() throws IOException {
    check();
    return super.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    check();
    return super.read(buffer, offset, length);
  }

  @Override
  public long skip(long n) throws IOException {
    check();
    return super.skip(n);
  }

  private void check() throws IOException {
    if (superseded.getAsBoolean()) {
      throw new IOException("a newer module version arrived; this run is abandoned");
    }
  }
}
