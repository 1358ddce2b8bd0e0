package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.LoadedModule;
import java.util.Optional;

/**
 * What became of one configured module in this run: how its cache entry was refreshed and whether
 * its jar loaded.
 *
 * @param source where the module is published
 * @param refresh the outcome of bringing its cache entry up to date
 * @param loaded the loaded module, when it loaded
 * @param loadError why it did not load, when it had a jar that failed to load
 * @param deferred its jar was not loaded because the command does not need it: this launcher loaded
 *     the same jar before (see {@link ModuleSet#loadFor}), so it counts as available
 */
public record ModuleStatus(
    ModuleSource source,
    Refresh refresh,
    Optional<LoadedModule> loaded,
    Optional<String> loadError,
    boolean deferred) {

  /** A module that was loaded, or failed to, or has no jar. */
  public ModuleStatus(
      ModuleSource source,
      Refresh refresh,
      Optional<LoadedModule> loaded,
      Optional<String> loadError) {
    this(source, refresh, loaded, loadError, false);
  }

  public String name() {
    return source.name();
  }

  public Optional<CachedJar> jar() {
    return refresh.jar();
  }

  public boolean available() {
    return loaded.isPresent() || deferred;
  }

  /** Why the module cannot be used, when it cannot. */
  public Optional<String> unavailableReason() {
    if (loadError.isPresent()) {
      return loadError.map(reason -> "cannot load " + jarLabel() + ": " + reason);
    }
    if (refresh instanceof Refresh.Unavailable unavailable) {
      return Optional.of(unavailable.reason());
    }
    return Optional.empty();
  }

  /** What {@code modules} shows of the module's state: see {@link OutcomeText#state}. */
  public String state() {
    return OutcomeText.state(this);
  }

  /** What vouches for the jar this module runs: see {@link TrustLabel}. */
  public String trustLabel() {
    return TrustLabel.of(jar(), source);
  }

  /** A warning for standard error, when the run is not on the module's newest version. */
  public Optional<String> warning() {
    return OutcomeText.warning(this);
  }

  /** A word about a module that is on its newest version: {@link OutcomeText#notice}. */
  public Optional<String> notice() {
    return OutcomeText.notice(this);
  }

  private String jarLabel() {
    return jar().map(CachedJar::label).orElse("(none)");
  }
}
