package dev.freshjar.launcher.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JitterTest {
  @Test
  void ofZeroIsNoWait() {
    assertThat(Jitter.pick(Duration.ZERO, new SplittableRandom(1))).isZero();
  }

  @Test
  void isAlwaysShorterThanTheBoundAndSpreadOverIt() {
    Duration max = Duration.ofMinutes(5);
    SplittableRandom random = new SplittableRandom(42);

    List<Duration> waits =
        IntStream.range(0, 1000).mapToObj(i -> Jitter.pick(max, random)).toList();

    assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, max.minusMillis(1)));
    assertThat(waits).anySatisfy(w -> assertThat(w).isLessThan(max.dividedBy(10)));
    assertThat(waits)
        .anySatisfy(w -> assertThat(w).isGreaterThan(max.multipliedBy(9).dividedBy(10)));
  }

  @Test
  void ofTenSecondsOrMoreIsInWholeSecondsForTheLog() {
    SplittableRandom random = new SplittableRandom(7);

    assertThat(IntStream.range(0, 100).mapToObj(i -> Jitter.pick(Duration.ofMinutes(15), random)))
        .allSatisfy(w -> assertThat(w.toMillis() % 1000).isZero());
  }
}
