package dev.freshjar.launcher.modules;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for update checks. Daemon threads, so that a check abandoned at the deadline never keeps
 * the process alive; the cache's atomic writes make abandoning one safe.
 */
final class DaemonThreads {
  static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "freshjar-update-check");
            thread.setDaemon(true);
            return thread;
          });

  private DaemonThreads() {}
}
