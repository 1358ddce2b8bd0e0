package dev.freshjar.launcher.modules;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.LoadedModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The modules a long-running session uses, replaceable while it runs. Follows the reload protocol
 * of DESIGN.md: <em>stage</em> new loaders for the modules whose jar changed (a module whose jar
 * did not change keeps its loader, so an unchanged reload loads no class), <em>publish</em> the new
 * set atomically, let calls that hold a {@link Lease} on the old set <em>drain</em>, <em>close</em>
 * the loaders no published set uses once the last lease on the old set is closed, then
 * <em>sweep</em>.
 *
 * <p>Every use of the modules runs inside {@code try (var lease = live.acquire())}, and sees one
 * consistent set for its whole length whatever reloads happen meanwhile.
 */
public final class LiveModules implements AutoCloseable {
  private final List<ModuleSource> sources;
  private final Sweep sweep;
  private final Object reloadLock = new Object();
  // How many sets (published, or retired and still draining) use each loaded module.
  private final Map<LoadedModule, Integer> users = new IdentityHashMap<>();
  private final AtomicLong reloads = new AtomicLong();
  private final RetiredVersions retired = new RetiredVersions();
  private volatile Generation current;
  private volatile boolean closed;

  private LiveModules(List<ModuleSource> sources, ModuleSet first, Sweep sweep) {
    this.sources = List.copyOf(sources);
    this.sweep = sweep;
    this.current = new Generation(first);
    first.loadedModules().forEach(m -> users.put(m, 1));
  }

  /** Loads the jar each refresh produced, as {@link ModuleSet#load} does, and publishes it. */
  public static LiveModules open(List<ModuleSource> sources, List<Refresh> refreshes, Sweep sweep) {
    return new LiveModules(sources, ModuleSet.load(sources, refreshes), sweep);
  }

  /** {@link #open(List, List, Sweep)} that removes nothing when it sweeps. */
  public static LiveModules open(List<ModuleSource> sources, List<Refresh> refreshes) {
    return open(sources, refreshes, Sweep.NONE);
  }

  /** The configured modules, in order; a reload takes one refresh for each. */
  public List<ModuleSource> sources() {
    return sources;
  }

  /** How many reloads were published so far. */
  public long reloads() {
    return reloads.get();
  }

  /**
   * The drained module versions that threads still running keep from being unloaded (a thread whose
   * class, or whose context class loader, is the version's), each named once: call it after a
   * reload to warn that the module left threads behind.
   */
  public List<LingeringThreads> lingeringThreads() {
    return retired.findLingering();
  }

  /**
   * The set published now, held until the lease is closed: its loaders stay open meanwhile.
   *
   * @throws IllegalStateException once this is closed
   */
  public Lease acquire() {
    if (closed) {
      throw new IllegalStateException("the session's modules are closed");
    }
    while (true) {
      Generation generation = current;
      if (generation.hold()) {
        return new Lease(generation);
      }
      // That set was retired and drained between the read and the hold: read again.
      synchronized (reloadLock) {
        if (closed) {
          throw new IllegalStateException("the session's modules are closed");
        }
      }
    }
  }

  /**
   * Moves every module to the jar its refresh names, in the order of {@link #sources()}. A module
   * whose jar did not change keeps its loader; a module whose new jar fails to load (whatever it
   * throws) keeps the version it ran and the half-built loader is closed. Never throws for a
   * module's fault.
   *
   * @param refreshes one per source
   * @param offline whether the refreshes asked no source, so a cached fallback is no failure
   * @return what became of each module, in order
   */
  public List<ModuleReload> reload(List<Refresh> refreshes, boolean offline) {
    if (refreshes.size() != sources.size()) {
      throw new IllegalArgumentException(
          refreshes.size() + " refreshes for " + sources.size() + " modules");
    }
    synchronized (reloadLock) {
      if (closed) {
        throw new IllegalStateException("the session's modules are closed");
      }
      Generation before = current;
      List<LoadedModule> built = new ArrayList<>();
      List<ModuleStatus> statuses = new ArrayList<>();
      List<ModuleReload> outcomes = new ArrayList<>();
      try {
        for (int i = 0; i < sources.size(); i++) {
          StagedModule staged =
              StagedModule.of(
                  sources.get(i), refreshes.get(i), before.set.statuses().get(i), offline);
          staged.built().ifPresent(built::add);
          statuses.add(staged.status());
          outcomes.add(staged.outcome());
        }
      } catch (RuntimeException | Error e) {
        // A fault of freshjar's own while staging: what was built goes, the old set stays.
        closeAfter(built, e);
        throw e;
      }
      ModuleSet next = new ModuleSet(statuses);
      synchronized (users) {
        next.loadedModules().forEach(m -> users.merge(m, 1, Integer::sum));
      }
      current = new Generation(next);
      reloads.incrementAndGet();
      before.release();
      return outcomes;
    }
  }

  /**
   * Why the refresh could not use the module's source, unless that is what was asked ({@code
   * offline}: a fallback to the cache is then no failure).
   */
  public static Optional<String> sourceFailure(Refresh refresh, boolean offline) {
    if (refresh instanceof Refresh.Fallback fallback && !offline) {
      return Optional.of(fallback.reason());
    }
    if (refresh instanceof Refresh.Unavailable unavailable) {
      return Optional.of(unavailable.reason());
    }
    return Optional.empty();
  }

  /**
   * Retires the published set: its loaders close once the last lease on it is closed. Leases cannot
   * be had afterwards.
   */
  @Override
  public void close() {
    synchronized (reloadLock) {
      if (closed) {
        return;
      }
      closed = true;
      current.release();
    }
  }

  /** Closes the loaders of a drained set that no other set uses, then sweeps. */
  private void retire(ModuleSet set) {
    List<LoadedModule> unused = new ArrayList<>();
    Set<Path> inUse = new HashSet<>();
    synchronized (users) {
      for (LoadedModule module : set.loadedModules()) {
        if (users.merge(module, -1, Integer::sum) == 0) {
          users.remove(module);
          unused.add(module);
        }
      }
      users.keySet().forEach(m -> inUse.add(m.jar().jar()));
    }
    UncheckedIOException failure = null;
    for (LoadedModule module : unused) {
      retired.add(module);
      try {
        module.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = new UncheckedIOException("could not close a module's class loader", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (!unused.isEmpty()) {
      sweep(inUse);
    }
  }

  /** The last step of the protocol: remove jars nobody uses (see {@link Sweep}). */
  private void sweep(Set<Path> jarsInUse) {
    sweep.afterClose(Set.copyOf(jarsInUse));
  }

  private static void closeAfter(List<LoadedModule> built, Throwable failure) {
    for (LoadedModule module : built) {
      try {
        module.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * A hold on one published set of modules: the set's loaders stay open until it is closed. Hold it
   * for one command, never longer.
   */
  public static final class Lease implements AutoCloseable {
    private final Generation generation;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Generation generation) {
      this.generation = generation;
    }

    /** The set this lease holds. Do not close it: closing the lease does what is needed. */
    public ModuleSet modules() {
      if (closed.get()) {
        throw new IllegalStateException("the lease is closed");
      }
      return generation.set;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        generation.release();
      }
    }
  }

  /** One published set and how many hold it: its publication counts as one hold. */
  private final class Generation {
    final ModuleSet set;
    private final AtomicInteger holds = new AtomicInteger(1);

    Generation(ModuleSet set) {
      this.set = set;
    }

    /** Takes a hold unless the set was already retired and drained. */
    boolean hold() {
      while (true) {
        int now = holds.get();
        if (now == 0) {
          return false;
        }
        if (holds.compareAndSet(now, now + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (holds.decrementAndGet() == 0) {
        retire(set);
      }
    }
  }
}
