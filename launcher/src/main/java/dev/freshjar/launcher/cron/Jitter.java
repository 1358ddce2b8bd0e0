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

  /** A wait chosen uniformly from zero (inclusive) to {@code max} (exclusive); zero for zero. */
  public static Duration pick(Duration max, RandomGenerator random) {
    long millis = max.toMillis();
    return millis <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(millis));
  }
}
