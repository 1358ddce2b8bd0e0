package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --watch DURATION}, as {@code serve} and {@code shell} take it (a picocli mixin). */
final class WatchOption {
  @Option(
      names = "--watch",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Check for new module versions every DURATION (e.g. 5m) and switch to them (in the"
              + " shell, between commands).")
  Duration watch;

  /** The period given, if any; a usage error when it is not positive. */
  Optional<Duration> period() {
    positive("--watch", watch);
    return Optional.ofNullable(watch);
  }

  /** A usage error when {@code option} was given a duration that is not positive. */
  static void positive(String option, Duration value) {
    if (value != null && (value.isZero() || value.isNegative())) {
      throw CommandFailure.usage(option + " needs a positive duration, e.g. 5s");
    }
  }
}
