package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.OutcomeText;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --watch}: an update every period on a daemon thread, each change told on standard error,
 * each failure told once (not at every round) until the module changes or recovers.
 */
final class Watch implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "freshjar-serve-watch");
            thread.setDaemon(true);
            return thread;
          });
  private final ServedModules modules;
  private final PrintStream err;
  // Module name to the failure last told, so that a lasting failure is told once.
  private final Map<String, ModuleReload.Failure> told = new HashMap<>();

  private Watch(ServedModules modules, PrintStream err) {
    this.modules = modules;
    this.err = err;
  }

  static Watch start(Duration period, ServedModules modules, PrintStream err) {
    Watch watch = new Watch(modules, err);
    long millis = Math.max(1, period.toMillis());
    watch.timer.scheduleWithFixedDelay(watch::round, millis, millis, TimeUnit.MILLISECONDS);
    return watch;
  }

  private void round() {
    if (modules.closed()) {
      return;
    }
    try {
      for (ModuleReload outcome : modules.update()) {
        report(outcome);
      }
    } catch (RuntimeException e) {
      // The next round runs as usual; a failing round must not end the schedule.
      err.println(Untrusted.text("freshjar: watch: checking for new versions failed: " + e));
    }
  }

  private void report(ModuleReload outcome) {
    String module = outcome.module();
    if (outcome.changed()) {
      told.remove(module);
      err.println("freshjar: watch: " + OutcomeText.ofReload(outcome));
    } else if (outcome.state() == ModuleReload.State.UNCHANGED) {
      told.remove(module);
    } else if (outcome.failure().isPresent() && !outcome.failure().get().equals(told.get(module))) {
      told.put(module, outcome.failure().get());
      err.println("freshjar: watch: " + OutcomeText.ofReload(outcome));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
