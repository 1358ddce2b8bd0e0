package dev.freshjar.launcher.serve;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.modules.LingeringThreads;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.ModuleStatus;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.modules.Sweep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's modules: loaded once the server listens (until then it is live but not ready), then
 * replaced by {@code POST /update} and {@code --watch} through {@link LiveModules}, exactly as the
 * shell's {@code update} does: stage, publish, drain by leases, close, sweep.
 */
public final class ServedModules implements AutoCloseable {
  /**
   * What the command line gives the server.
   *
   * @param sources the configured modules
   * @param refresher brings their cache entries up to date
   * @param startMode how the first load asks the sources
   * @param updateMode how updates ask them
   * @param sweep what runs after old loaders are closed (the cache's garbage collection)
   * @param warn tells the user of modules not on their newest version after the first load
   * @param tell tells the user one line of news, e.g. a drained version that threads keep alive
   */
  public record Setup(
      List<ModuleSource> sources,
      Refresher refresher,
      Refresher.Mode startMode,
      Refresher.Mode updateMode,
      Sweep sweep,
      Consumer<List<ModuleStatus>> warn,
      Consumer<String> tell) {}

  private static final Duration RETRY_WHILE_LOADING = Duration.ofSeconds(1);

  private final Setup setup;
  private volatile LiveModules live;
  private volatile boolean closed;

  public ServedModules(Setup setup) {
    this.setup = setup;
  }

  /** Refreshes and loads every module; the server is ready afterwards. */
  void load() {
    LiveModules loaded =
        LiveModules.open(
            setup.sources(),
            setup.refresher().refreshAll(setup.sources(), setup.startMode()),
            setup.sweep());
    try (LiveModules.Lease lease = loaded.acquire()) {
      setup.warn().accept(lease.modules().statuses());
    }
    synchronized (this) {
      if (closed) {
        loaded.close();
        return;
      }
      live = loaded;
    }
  }

  /** Whether the server is stopping: no update may start. */
  boolean closed() {
    return closed;
  }

  /** Whether every module is loaded or known to be unavailable. */
  boolean ready() {
    return live != null;
  }

  /**
   * The published set, held until the lease is closed.
   *
   * @throws HttpError 503 with Retry-After while the modules are loading or after close
   */
  LiveModules.Lease acquire() {
    LiveModules now = live;
    if (now == null) {
      throw new HttpError(
          503, "the modules are still loading; retry shortly", Optional.of(RETRY_WHILE_LOADING));
    }
    try {
      return now.acquire();
    } catch (IllegalStateException e) {
      throw new HttpError(503, "the server is stopping", Optional.empty());
    }
  }

  /**
   * Checks every module now and switches to what is new; one outcome per module. Updates run one at
   * a time, so that {@code --watch} and {@code POST /update} never stage the same jar twice.
   */
  synchronized List<ModuleReload> update() {
    if (closed) {
      throw new HttpError(503, "the server is stopping");
    }
    LiveModules now = live;
    if (now == null) {
      throw new HttpError(
          503, "the modules are still loading; retry shortly", Optional.of(RETRY_WHILE_LOADING));
    }
    List<ModuleReload> outcomes =
        now.reload(
            setup.refresher().refreshAll(setup.sources(), setup.updateMode()),
            setup.updateMode() == Refresher.Mode.OFFLINE);
    for (LingeringThreads lingering : now.lingeringThreads()) {
      setup.tell().accept("warning: " + lingering.describe());
    }
    return outcomes;
  }

  /** Retires the published set: its loaders close once the requests that hold it finish. */
  @Override
  public synchronized void close() {
    closed = true;
    if (live != null) {
      live.close();
    }
  }
}
