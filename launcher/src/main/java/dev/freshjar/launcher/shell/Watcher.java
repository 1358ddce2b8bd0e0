package dev.freshjar.launcher.shell;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code --watch}: a daemon thread that runs one round of update checks every period. A round that
 * fails is reported and the next one runs as usual.
 */
final class Watcher implements AutoCloseable {
  // How long closing waits for a round in progress, which its own deadlines bound anyway.
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Thread thread;

  private Watcher(Thread thread) {
    this.thread = thread;
  }

  static Watcher start(Duration period, Runnable round, Consumer<String> report) {
    Thread thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
                try {
                  round.run();
                } catch (RuntimeException e) {
                  report.accept("watch: checking for new versions failed: " + e.getMessage());
                }
              }
            },
            "freshjar-watch");
    thread.setDaemon(true);
    thread.start();
    return new Watcher(thread);
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
