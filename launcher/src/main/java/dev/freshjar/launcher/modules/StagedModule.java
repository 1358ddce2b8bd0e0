package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Cause;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.LoadedModule;
import dev.freshjar.launcher.loading.ModuleLoadException;
import dev.freshjar.launcher.loading.ModuleLoader;
import java.util.Optional;

/**
 * What the staging step of a reload ({@link LiveModules#reload}) makes of one module: the status it
 * has in the next set, what the user is told, and the loader staging built for it, if any (to be
 * closed should staging fail as a whole).
 *
 * @param status the module in the set about to be published
 * @param outcome what became of it
 * @param built the loader of a newly loaded version; empty when it keeps its loader or has none
 */
record StagedModule(ModuleStatus status, ModuleReload outcome, Optional<LoadedModule> built) {

  /**
   * Stages one module: keeps the loader of a jar that did not change, loads a new one, or keeps the
   * running version when the new one cannot be had or loaded. Never throws for a module's fault.
   *
   * @param was the module's status in the published set
   * @param offline whether the refresh asked no source, so a cached fallback is no failure
   */
  static StagedModule of(ModuleSource source, Refresh refresh, ModuleStatus was, boolean offline) {
    String name = source.name();
    Optional<LoadedModule> running = was.loaded();
    Optional<String> sourceFailure = LiveModules.sourceFailure(refresh, offline);
    Optional<CachedJar> offered = refresh.jar();
    if (offered.isEmpty()) {
      String reason = sourceFailure.orElse("no jar");
      if (running.isPresent()) {
        return kept(
            keeping(source, running.get(), reason, causeOf(refresh)),
            new ModuleReload.Failed(name, reason, causeOf(refresh), running.get().versionLabel()));
      }
      return kept(
          new ModuleStatus(source, refresh, Optional.empty(), Optional.empty()),
          new ModuleReload.Unavailable(name, reason, causeOf(refresh)));
    }
    if (running.isPresent() && running.get().jar().sha256().equals(offered.get().sha256())) {
      String label = running.get().versionLabel();
      return kept(
          new ModuleStatus(source, refresh, running, Optional.empty()),
          sourceFailure
              .<ModuleReload>map(
                  reason -> new ModuleReload.Failed(name, reason, causeOf(refresh), label))
              // The cache's name for these bytes, which a re-release changes without a reload.
              .orElse(
                  new ModuleReload.Unchanged(
                      name, OutcomeText.unchangedLabel(offered.get(), refresh))));
    }
    LoadedModule loaded;
    try {
      loaded = ModuleLoader.loadCached(offered.get());
    } catch (Throwable failure) {
      // ModuleLoader closed its loader; a module's fault never ends the session.
      String why =
          failure instanceof ModuleLoadException ? failure.getMessage() : failure.toString();
      String reason = "cannot load " + offered.get().label() + ": " + why;
      if (running.isPresent()) {
        return kept(
            keeping(source, running.get(), reason, Cause.REJECTED),
            new ModuleReload.Failed(name, reason, Cause.REJECTED, running.get().versionLabel()));
      }
      return kept(
          new ModuleStatus(source, refresh, Optional.empty(), Optional.of(why)),
          new ModuleReload.Unavailable(name, reason, Cause.REJECTED));
    }
    return new StagedModule(
        new ModuleStatus(source, refresh, Optional.of(loaded), Optional.empty()),
        new ModuleReload.Updated(
            name, running.map(LoadedModule::versionLabel), loaded.versionLabel(), sourceFailure),
        Optional.of(loaded));
  }

  private static StagedModule kept(ModuleStatus status, ModuleReload outcome) {
    return new StagedModule(status, outcome, Optional.empty());
  }

  /** Why a refresh offered no jar, as a type. */
  private static Cause causeOf(Refresh refresh) {
    return refresh instanceof Refresh.Unavailable unavailable ? unavailable.cause() : Cause.OTHER;
  }

  /** The status of a module that keeps running its loaded version although something failed. */
  private static ModuleStatus keeping(
      ModuleSource source, LoadedModule running, String reason, Cause cause) {
    return new ModuleStatus(
        source,
        new Refresh.Fallback(running.jar(), reason, cause),
        Optional.of(running),
        Optional.empty());
  }
}
