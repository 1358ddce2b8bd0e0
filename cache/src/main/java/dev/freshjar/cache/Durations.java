package dev.freshjar.cache;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them on the command line and in configuration: 500ms, 2s, 5m, 1h; and
 * sizes as a person writes them: 64 MiB. The one notation of freshjar, for the cache's reasons and
 * the launcher's options alike.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 2s}, {@code 5m} or {@code 1h}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Duration parse(String text) {
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a whole number and a unit: 500ms, 2s, 5m, 1h");
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      Duration duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
      // Every user of a duration counts it in milliseconds: one too long for that is refused here.
      duration.toMillis();
      return duration;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is too long a duration; write a shorter one, e.g. 1h", e);
    }
  }

  /** The shortest exact form of {@code duration} in the same notation: 1h, not 60m. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** A size in bytes, in the largest binary unit that says it exactly: 64 MiB, 1500 bytes. */
  public static String bytes(long n) {
    if (n >= MIB && n % MIB == 0) {
      return n / MIB + " MiB";
    }
    if (n >= KIB && n % KIB == 0) {
      return n / KIB + " KiB";
    }
    return n + " bytes";
  }
}
