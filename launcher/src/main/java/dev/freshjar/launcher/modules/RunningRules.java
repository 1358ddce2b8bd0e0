package dev.freshjar.launcher.modules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rule each thread is running now, so that whoever watches the process (the exit guard) can
 * name the rule behind what it sees.
 */
public final class RunningRules {
  private static final Map<Thread, String> RUNNING = new ConcurrentHashMap<>();

  private RunningRules() {}

  /** A rule running on a thread, until closed. */
  interface Running extends AutoCloseable {
    @Override
    void close();
  }

  /** Records that the current thread runs {@code rule} until the returned handle is closed. */
  static Running enter(String rule) {
    Thread thread = Thread.currentThread();
    String outer = RUNNING.put(thread, rule);
    return () -> {
      if (outer == null) {
        RUNNING.remove(thread);
      } else {
        RUNNING.put(thread, outer);
      }
    };
  }

  /** The rule {@code thread} runs, if it runs one. */
  public static Optional<String> on(Thread thread) {
    return Optional.ofNullable(RUNNING.get(thread));
  }

  /** Some rule running now, if any runs. */
  public static Optional<String> any() {
    return RUNNING.values().stream().findFirst();
  }
}
