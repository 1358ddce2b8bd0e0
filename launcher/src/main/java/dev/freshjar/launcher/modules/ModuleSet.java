package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.LoadedModule;
import dev.freshjar.launcher.loading.ModuleLoadException;
import dev.freshjar.launcher.loading.ModuleLoader;
import dev.freshjar.launcher.loading.RuleNameIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One consistent set of loaded module versions and the rules they provide. A module that fails to
 * load is left out and reported; the others still work. Closing the set closes every loader.
 */
public final class ModuleSet implements AutoCloseable {
  private final List<ModuleStatus> statuses;
  private final RuleBook rules;
  private final RuleNameIndex index;

  ModuleSet(List<ModuleStatus> statuses) {
    this(statuses, RuleNameIndex.NONE);
  }

  private ModuleSet(List<ModuleStatus> statuses, RuleNameIndex index) {
    this.statuses = List.copyOf(statuses);
    this.index = index;
    List<LoadedModule> loaded = new ArrayList<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    for (ModuleStatus status : statuses) {
      status.loaded().ifPresent(loaded::add);
      status.unavailableReason().ifPresent(reason -> unavailable.put(status.name(), reason));
    }
    this.rules = new RuleBook(loaded, unavailable);
  }

  /**
   * Loads the jar each refresh produced, in order. Never throws for a module's fault: a module that
   * cannot load is recorded as unavailable with the reason.
   */
  public static ModuleSet load(List<ModuleSource> sources, List<Refresh> refreshes) {
    boolean[] every = new boolean[sources.size()];
    Arrays.fill(every, true);
    return new ModuleSet(loadSome(sources, refreshes, every), RuleNameIndex.NONE);
  }

  /**
   * Loads the jars that can provide {@code ruleName} (a bare rule, or {@code MODULE:RULE}), as
   * {@link NeededModules} decides from the index, and defers the others: their statuses say what
   * their refresh said, and they count as available. Remembers the loaded jars' rule names in the
   * index. {@link #everyModule()} loads the rest when the rule is not found among these (the error
   * path: an unknown name's suggestions and a clash are computed over every module, as before).
   */
  public static ModuleSet loadFor(
      String ruleName, List<ModuleSource> sources, List<Refresh> refreshes, RuleNameIndex index) {
    boolean[] needed = NeededModules.of(ruleName, sources, refreshes, index);
    ModuleSet set = new ModuleSet(loadSome(sources, refreshes, needed), index);
    index.remember(set.loadedModules());
    return set;
  }

  /** Whether a module was left unloaded because the command did not need it. */
  public boolean deferredAny() {
    for (ModuleStatus status : statuses) {
      if (status.deferred()) {
        return true;
      }
    }
    return false;
  }

  /**
   * This set with its deferred modules loaded too. Shares this set's loaders: closing either closes
   * them (closing a loader twice does nothing more).
   */
  public ModuleSet everyModule() {
    if (!deferredAny()) {
      return this;
    }
    List<ModuleSource> sources = statuses.stream().map(ModuleStatus::source).toList();
    List<Refresh> refreshes = statuses.stream().map(ModuleStatus::refresh).toList();
    boolean[] deferred = new boolean[statuses.size()];
    for (int i = 0; i < deferred.length; i++) {
      deferred[i] = statuses.get(i).deferred();
    }
    List<ModuleStatus> loaded = loadSome(sources, refreshes, deferred);
    List<ModuleStatus> all = new ArrayList<>();
    for (int i = 0; i < deferred.length; i++) {
      all.add(deferred[i] ? loaded.get(i) : statuses.get(i));
    }
    ModuleSet set = new ModuleSet(all, index);
    index.remember(set.loadedModules());
    return set;
  }

  /** Loads the modules marked {@code load}; the others' statuses are deferred. */
  private static List<ModuleStatus> loadSome(
      List<ModuleSource> sources, List<Refresh> refreshes, boolean[] load) {
    // Defining and verifying a module's classes is most of what each module costs a run, and the
    // cores are otherwise idle while the update checks wait for their servers: the modules are
    // shared out among as many threads as there are processors, the caller's one of them.
    List<Integer> chosen = new ArrayList<>();
    ModuleStatus[] statuses = new ModuleStatus[sources.size()];
    for (int i = 0; i < load.length; i++) {
      if (load[i]) {
        chosen.add(i);
      } else {
        statuses[i] =
            new ModuleStatus(
                sources.get(i), refreshes.get(i), Optional.empty(), Optional.empty(), true);
      }
    }
    int count = chosen.size();
    int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      int first = t;
      helpers.add(
          CompletableFuture.runAsync(
              () -> loadEvery(first, threads, chosen, sources, refreshes, statuses),
              DaemonThreads.POOL));
    }
    Throwable failure = null;
    try {
      loadEvery(0, threads, chosen, sources, refreshes, statuses);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (CompletableFuture<Void> helper : helpers) {
      try {
        helper.join();
      } catch (CompletionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    List<ModuleStatus> loaded = new ArrayList<>();
    for (ModuleStatus status : statuses) {
      if (status != null) {
        loaded.add(status);
      }
    }
    if (failure != null) {
      // A fault of freshjar's own, not a module's (loadOne reports those): nothing stays open.
      new ModuleSet(loaded).close();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(failure);
    }
    return loaded;
  }

  /** Loads the {@code chosen} modules {@code first}, {@code first + step}, ... into statuses. */
  private static void loadEvery(
      int first,
      int step,
      List<Integer> chosen,
      List<ModuleSource> sources,
      List<Refresh> refreshes,
      ModuleStatus[] statuses) {
    for (int c = first; c < chosen.size(); c += step) {
      int i = chosen.get(c);
      statuses[i] = loadOne(sources.get(i), refreshes.get(i));
    }
  }

  private static ModuleStatus loadOne(ModuleSource source, Refresh refresh) {
    Optional<CachedJar> jar = refresh.jar();
    if (jar.isEmpty()) {
      return new ModuleStatus(source, refresh, Optional.empty(), Optional.empty());
    }
    try {
      return new ModuleStatus(
          source, refresh, Optional.of(ModuleLoader.loadCached(jar.get())), Optional.empty());
    } catch (ModuleLoadException e) {
      return new ModuleStatus(source, refresh, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  /**
   * This set as a later refresh found it, when every refresh names the same jar (by content) as
   * this set was loaded from: the same loaded modules, with the refresh's outcomes (its warnings,
   * its reasons for a module being unavailable). Empty when any jar differs, and the refreshed jars
   * must be loaded afresh. The result shares this set's class loaders: closing either closes them.
   */
  public Optional<ModuleSet> refreshedAs(List<Refresh> refreshes) {
    List<ModuleStatus> after = new ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      ModuleStatus status = statuses.get(i);
      Refresh refresh = refreshes.get(i);
      if (!sha256(status.jar()).equals(sha256(refresh.jar()))) {
        return Optional.empty();
      }
      after.add(
          new ModuleStatus(
              status.source(), refresh, status.loaded(), status.loadError(), status.deferred()));
    }
    return Optional.of(new ModuleSet(after, index));
  }

  private static Optional<String> sha256(Optional<CachedJar> jar) {
    return jar.map(CachedJar::sha256);
  }

  public List<ModuleStatus> statuses() {
    return statuses;
  }

  public RuleBook rules() {
    return rules;
  }

  /** The modules that loaded, in order. */
  List<LoadedModule> loadedModules() {
    List<LoadedModule> loaded = new ArrayList<>();
    for (ModuleStatus status : statuses) {
      status.loaded().ifPresent(loaded::add);
    }
    return loaded;
  }

  @Override
  public void close() {
    IOException failure = null;
    for (ModuleStatus status : statuses) {
      if (status.loaded().isPresent()) {
        try {
          status.loaded().get().close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("could not close a module's class loader", failure);
    }
  }
}
