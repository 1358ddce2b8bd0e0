package dev.freshjar.launcher.modules;

import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.Durations;
import dev.freshjar.launcher.loading.ModuleJarCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Brings every configured module's cache entry up to date, all at once, under one deadline: a slow
 * author's server delays the run by at most the deadline, after which that module runs on its
 * cached version.
 */
public final class Refresher {
  private final ModuleCache cache;
  private final Duration deadline;

  public Refresher(ModuleCache cache, Duration deadline) {
    this.cache = cache;
    this.deadline = deadline;
  }

  /** How a run treats the modules' sources. */
  public enum Mode {
    /** Ask each source whether it has something newer (conditional GET). */
    CHECK,
    /** Download each module again, ignoring validators. */
    FORCE,
    /** Ask no source; use what the cache holds. */
    OFFLINE
  }

  /** One outcome per source, in the same order, within the deadline. */
  public List<Refresh> refreshAll(List<ModuleSource> sources, Mode mode) {
    if (mode == Mode.OFFLINE) {
      return sources.stream().map(cache::offline).toList();
    }
    long deadlineNanos = System.nanoTime() + nanos(deadline);
    // Every check runs on a pool thread, a single one too, so that the deadline bounds it: a
    // thread costs well under a millisecond, a server that hangs up to the module's own timeout.
    List<CompletableFuture<Refresh>> pending = new ArrayList<>();
    for (ModuleSource source : sources) {
      pending.add(
          CompletableFuture.supplyAsync(() -> refreshOne(source, mode), DaemonThreads.POOL));
    }
    List<Refresh> outcomes = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      outcomes.add(await(sources.get(i), pending.get(i), deadlineNanos));
    }
    return outcomes;
  }

  /** {@link #refreshAll} on another thread, for a caller with something to do meanwhile. */
  public CompletableFuture<List<Refresh>> startAll(List<ModuleSource> sources, Mode mode) {
    return CompletableFuture.supplyAsync(() -> refreshAll(sources, mode), DaemonThreads.POOL);
  }

  private Refresh refreshOne(ModuleSource source, Mode mode) {
    return cache.refresh(source, new ModuleJarCheck(source.name()), mode == Mode.FORCE);
  }

  private Refresh await(
      ModuleSource source, CompletableFuture<Refresh> future, long deadlineNanos) {
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Not cancelled: the check goes on in its daemon thread, bounded by the module's own
      // timeout, and whatever it installs (atomically) a later run or update uses.
      return fellBack(
          source,
          "no answer within the update deadline of "
              + Durations.format(deadline)
              + "; give --update-timeout a longer DURATION to wait for it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fellBack(source, "interrupted while checking for updates");
    } catch (ExecutionException e) {
      return fellBack(source, "checking for updates failed: " + e.getCause());
    }
  }

  private Refresh fellBack(ModuleSource source, String reason) {
    // The cache decides whether its jar may run under the source's trust (key, pinned hash).
    return cache.fallback(source, reason);
  }

  /** A deadline too long to count in nanoseconds is as good as none. */
  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }
}
