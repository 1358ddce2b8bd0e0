package dev.freshjar.launcher.modules;

import dev.freshjar.cache.Cause;
import dev.freshjar.cache.Durations;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.ModuleJarCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  static final Duration MIN_LOAD_BOUND = Duration.ofSeconds(10);

  private final ModuleCache cache;
  private final Duration deadline;
  private final boolean repair;

  public Refresher(ModuleCache cache, Duration deadline) {
    this(cache, deadline, false);
  }

  /**
   * @param repair whether the checks also repair what they find damaged (a current jar that does
   *     not verify, a record that cannot be read), as {@code update} does: see {@link
   *     ModuleCache#update}
   */
  public Refresher(ModuleCache cache, Duration deadline, boolean repair) {
    this.cache = cache;
    this.deadline = deadline;
    this.repair = repair;
  }

  /** How a run treats the modules' sources. */
  public enum Mode {
    /** Ask each source whether it has something newer (conditional GET). */
    CHECK,
    /** Download each module again, ignoring validators. */
    FORCE,
    /** Ask no source; use what the cache holds. */
    OFFLINE;

    /** The mode of the reloads that follow a start in this mode: offline stays offline. */
    public Mode forReloads() {
      return this == OFFLINE ? OFFLINE : CHECK;
    }
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
    List<ModuleJarCheck> checks = new ArrayList<>();
    for (ModuleSource source : sources) {
      ModuleJarCheck check = new ModuleJarCheck(source.name(), loadBound());
      checks.add(check);
      pending.add(
          CompletableFuture.supplyAsync(() -> refreshOne(source, mode, check), DaemonThreads.POOL));
    }
    List<Refresh> outcomes = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      outcomes.add(await(sources.get(i), pending.get(i), checks.get(i), deadlineNanos));
    }
    return outcomes;
  }

  /** {@link #refreshAll} on another thread, for a caller with something to do meanwhile. */
  public CompletableFuture<List<Refresh>> startAll(List<ModuleSource> sources, Mode mode) {
    return CompletableFuture.supplyAsync(() -> refreshAll(sources, mode), DaemonThreads.POOL);
  }

  /**
   * How long a module's code may take to load: as long as the run waits, but not less than {@link
   * #MIN_LOAD_BOUND}, so that a busy machine does not get a good jar rejected (and remembered as
   * rejected). A run that waits less says at its deadline that the code was still loading.
   */
  private Duration loadBound() {
    return deadline.compareTo(MIN_LOAD_BOUND) > 0 ? deadline : MIN_LOAD_BOUND;
  }

  private Refresh refreshOne(ModuleSource source, Mode mode, ModuleJarCheck check) {
    return repair
        ? cache.update(source, check, mode == Mode.FORCE)
        : cache.refresh(source, check, mode == Mode.FORCE);
  }

  private Refresh await(
      ModuleSource source,
      CompletableFuture<Refresh> future,
      ModuleJarCheck check,
      long deadlineNanos) {
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Not cancelled: the check goes on in its daemon thread, bounded by the module's own
      // timeout, and whatever it installs (atomically) a later run or update uses.
      String within = "within the update deadline of " + Durations.format(deadline);
      if (check.loading()) {
        // The server answered; the module's own code is what does not.
        return cache.fallback(source, Cause.LOAD_HUNG, ModuleJarCheck.hung(source.name(), within));
      }
      Optional<String> stuck = cache.stuck(source.name());
      if (stuck.isPresent()) {
        // The server answered too; another process keeps the record from being written.
        return cache.fallback(
            source,
            Cause.BUSY,
            stuck.get() + "; gave up at the update deadline of " + Durations.format(deadline));
      }
      return cache.fallback(
          source,
          Cause.DEADLINE,
          "no answer " + within + "; give --update-timeout a longer DURATION to wait for it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cache.fallback(source, Cause.INTERRUPTED, "interrupted while checking for updates");
    } catch (ExecutionException e) {
      return cache.fallback(source, Cause.OTHER, "checking for updates failed: " + e.getCause());
    }
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
