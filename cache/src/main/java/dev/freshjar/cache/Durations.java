package dev.freshjar.cache;

import java.time.Duration;

/** Durations and sizes written the way the command line reads them: 500ms, 10s, 5m; 64 MiB. */
final class Durations {
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  private Durations() {}

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms >= 60_000 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  static String bytes(long n) {
    if (n >= MIB && n % MIB == 0) {
      return n / MIB + " MiB";
    }
    if (n >= KIB && n % KIB == 0) {
      return n / KIB + " KiB";
    }
    return n + " bytes";
  }
}
