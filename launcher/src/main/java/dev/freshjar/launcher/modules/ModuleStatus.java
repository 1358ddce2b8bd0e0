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
 */
public record ModuleStatus(
    ModuleSource source,
    Refresh refresh,
    Optional<LoadedModule> loaded,
    Optional<String> loadError) {

  public String name() {
    return source.name();
  }

  public Optional<CachedJar> jar() {
    return refresh.jar();
  }

  public boolean available() {
    return loaded.isPresent();
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

  /**
   * "fresh", "pinned at VERSION/SHA", "cached fallback: REASON" or "unavailable: REASON", as {@code
   * modules} shows it.
   */
  public String state() {
    Optional<String> unavailable = unavailableReason();
    if (unavailable.isPresent()) {
      return "unavailable: " + unavailable.get();
    }
    if (refresh instanceof Refresh.Fallback fallback) {
      return "cached fallback: " + fallback.reason();
    }
    if (refresh instanceof Refresh.Pinned) {
      return "pinned at " + jarLabel();
    }
    return "fresh";
  }

  /** What vouches for the jar this module runs: see {@link TrustLabel}. */
  public String trustLabel() {
    return TrustLabel.of(jar(), source);
  }

  /** A warning for standard error, when the run is not on the module's newest version. */
  public Optional<String> warning() {
    if (unavailableReason().isPresent()) {
      return Optional.of("module " + name() + " (" + source.describe() + ") is " + state());
    }
    if (refresh instanceof Refresh.Fallback fallback) {
      return Optional.of(
          "module "
              + name()
              + ": using cached "
              + jarLabel()
              + " because "
              + source.describe()
              + " could not be used: "
              + fallback.reason());
    }
    return Optional.empty();
  }

  /**
   * A release just fetched from a Maven repository that publishes no checksum for it: installed on
   * the strength of its own checks (and its signature, with a key), which deserves a word. Unlike
   * {@link #warning()}, the module is on its newest version.
   */
  public Optional<String> notice() {
    if (refresh instanceof Refresh.Fresh fresh
        && fresh.changed()
        && fresh.current().release().filter(r -> r.checksum().isEmpty()).isPresent()) {
      return Optional.of(
          "module "
              + name()
              + ": "
              + fresh.current().release().get().coordinates()
              + " has no checksum file (.sha512, .sha256 or .sha1) in "
              + fresh.current().release().get().repository()
              + "; it was not checked against one");
    }
    return Optional.empty();
  }

  /** "VERSION/SHA" of the jar, as users see it everywhere. */
  public static String label(CachedJar jar) {
    String version = jar.displayVersion();
    return (version.isEmpty() ? "?" : version) + "/" + jar.shortSha();
  }

  private String jarLabel() {
    return jar().map(ModuleStatus::label).orElse("(none)");
  }
}
