package dev.freshjar.launcher.loading;

import dev.freshjar.cache.Durations;
import dev.freshjar.cache.JarCheck;
import dev.freshjar.cache.RejectedJarException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The check a downloaded jar must pass before the cache makes it current: it is loaded in a
 * throwaway class loader exactly as it would be run, so that a jar that cannot run never replaces
 * one that can. The module's code runs on a thread of its own, for at most a bound: a rule whose
 * constructor or static initialiser never returns is rejected for it, by name, rather than holding
 * up the check (and being blamed on the server) for ever.
 */
public final class ModuleJarCheck implements JarCheck {
  /** How long a module's code may take to load when nothing else bounds it. */
  public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

  private final String module;
  private final Duration bound;
  private volatile boolean loading;

  public ModuleJarCheck(String module) {
    this(module, DEFAULT_BOUND);
  }

  /**
   * @param bound how long the module's code may take to load its rules
   */
  public ModuleJarCheck(String module, Duration bound) {
    this.module = module;
    this.bound = bound;
  }

  /** Whether the module's code is being loaded right now: a caller that gives up can say so. */
  public boolean loading() {
    return loading;
  }

  @Override
  public void check(Path jar) throws RejectedJarException {
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                ModuleLoader.tryLoad(module, jar);
                loaded.complete(null);
              } catch (Throwable e) {
                loaded.completeExceptionally(e);
              }
            },
            "freshjar-module-load-" + module);
    // A thread that never finishes must not keep the process alive.
    thread.setDaemon(true);
    loading = true;
    try {
      thread.start();
      loaded.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RejectedJarException(hung(module, "within " + Durations.format(bound)), true);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new RejectedJarException(
          cause instanceof ModuleLoadException ? cause.getMessage() : LoadFailures.describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedJarException("interrupted while loading module " + module + "'s code");
    } finally {
      loading = false;
    }
  }

  /**
   * Why a module was given up on while its code was loading: names the cause, and what becomes of
   * the thread (Java cannot stop it).
   */
  public static String hung(String module, String within) {
    return "module "
        + module
        + "'s code did not finish loading "
        + within
        + " (a rule's constructor or static initialiser that never returns?); the jar is"
        + " rejected and not tried again while this freshjar runs, and the thread loading it,"
        + " which Java cannot stop, runs on until freshjar exits";
  }
}
