package dev.freshjar.launcher.input;

import java.io.InputStream;

/** Follows an input as a rule reads it, to show progress; by default, not at all. */
@FunctionalInterface
public interface InputProgress {
  InputProgress NONE = (label, length, in) -> in;

  /**
   * {@code in}, followed as it is read.
   *
   * @param label what is being read, for a person: {@code download}, {@code read}
   * @param length its length in bytes, or -1 when unknown
   */
  InputStream watch(String label, long length, InputStream in);
}
