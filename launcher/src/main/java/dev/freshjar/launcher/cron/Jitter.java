package dev.freshjar.launcher.cron;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code update --jitter DURATION}: a random wait before checking, so that many hosts running the
 * same crontab spread their requests over the interval instead of reaching an author's server in
 * the same second.
 */
public final class Jitter {
  private Jitter() {}

  /**
   * A wait chosen uniformly from zero (inclusive) to {@code max} (exclusive); zero for zero. Whole
   * seconds when {@code max} is 10 s or more, so that the log reads "waiting 432s", not "432017ms".
   */
  public static Duration pick(Duration max, RandomGenerator random) {
    long millis = max.toMillis();
    if (millis <= 0) {
      return Duration.ZERO;
    }
    long wait = random.nextLong(millis);
    return Duration.ofMillis(millis >= 10_000 ? wait - wait % 1000 : wait);
  }
}
