package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.output.Untrusted;
import java.util.Optional;

/**
 * The one place where what became of a module turns into words: {@code update}'s lines, the shell's
 * {@code update} and {@code --watch} lines, the {@code modules} state column and the warnings of a
 * run. Versions are shown by {@link CachedJar#label()}. "still on V" says what the cache holds;
 * "still running V" what a session's loaded code is. Every line is passed through {@link
 * Untrusted#text}, since reasons carry what servers, jars and files said.
 */
public final class OutcomeText {
  private OutcomeText() {}

  /** {@code update}'s line for one module; {@code offline} when no source was asked. */
  public static String ofRefresh(Refresh outcome, boolean offline) {
    return Untrusted.text(refresh(outcome, offline));
  }

  /**
   * {@code update}'s line for a module whose refreshed jar does not load: it is unavailable,
   * whatever the refresh said.
   */
  public static String cannotLoad(String module, CachedJar jar, String why) {
    return Untrusted.text(module + ": unavailable: cannot load " + jar.label() + ": " + why);
  }

  /** The shell's line for what one reload did to one module. */
  public static String ofReload(ModuleReload outcome) {
    return Untrusted.text(reload(outcome));
  }

  /**
   * "fresh", "pinned at VERSION/SHA", "cached fallback: REASON" or "unavailable: REASON", as {@code
   * modules} shows it.
   */
  public static String state(ModuleStatus status) {
    return Untrusted.text(rawState(status));
  }

  /** A warning for standard error, when the run is not on the module's newest version. */
  public static Optional<String> warning(ModuleStatus status) {
    if (status.unavailableReason().isPresent()) {
      return Optional.of(
          Untrusted.text(
              "module "
                  + status.name()
                  + " ("
                  + status.source().describe()
                  + ") is "
                  + rawState(status)));
    }
    if (status.refresh() instanceof Refresh.Fallback fallback) {
      return Optional.of(
          Untrusted.text(
              "module "
                  + status.name()
                  + ": using cached "
                  + label(status.jar())
                  + " because "
                  + status.source().describe()
                  + " could not be used: "
                  + fallback.reason()));
    }
    return Optional.empty();
  }

  /**
   * A release just fetched from a Maven repository that publishes no checksum for it: installed on
   * the strength of its own checks (and its signature, with a key), which deserves a word. Unlike
   * {@link #warning}, the module is on its newest version.
   */
  public static Optional<String> notice(ModuleStatus status) {
    if (status.refresh() instanceof Refresh.Fresh fresh && uncheckedRelease(fresh)) {
      var release = fresh.current().release().orElseThrow();
      return Optional.of(
          Untrusted.text(
              "module "
                  + status.name()
                  + ": "
                  + release.coordinates()
                  + " has no checksum file (.sha512, .sha256 or .sha1) in "
                  + release.repository()
                  + "; it was not checked against one"));
    }
    return Optional.empty();
  }

  private static boolean uncheckedRelease(Refresh.Fresh fresh) {
    return fresh.changed()
        && fresh.current().release().filter(r -> r.checksum().isEmpty()).isPresent();
  }

  /**
   * What an unchanged jar runs as now: its label, and when a new release brought the same bytes
   * (see {@link Refresh.Fresh#sameBytesAs}), which release ran until now.
   */
  static String unchangedLabel(CachedJar jar, Refresh refresh) {
    return jar.label() + (refresh instanceof Refresh.Fresh fresh ? sameBytesNote(fresh) : "");
  }

  private static String sameBytesNote(Refresh.Fresh fresh) {
    return fresh
        .sameBytesAs()
        .map(
            p ->
                " (release "
                    + fresh.current().displayVersion()
                    + " has the same bytes as "
                    + p.displayVersion()
                    + ", which ran until now)")
        .orElse("");
  }

  /** " from REPOSITORY" for a module from a Maven repository: which one answered. */
  private static String from(CachedJar jar) {
    return jar.release().map(r -> " from " + r.repository()).orElse("");
  }

  private static String rawState(ModuleStatus status) {
    Optional<String> unavailable = status.unavailableReason();
    if (unavailable.isPresent()) {
      return "unavailable: " + unavailable.get();
    }
    if (status.refresh() instanceof Refresh.Fallback fallback) {
      return "cached fallback: " + fallback.reason();
    }
    if (status.refresh() instanceof Refresh.Pinned) {
      return "pinned at " + label(status.jar());
    }
    return "fresh";
  }

  private static String refresh(Refresh outcome, boolean offline) {
    if (outcome instanceof Refresh.Fresh fresh) {
      String module = fresh.module();
      if (fresh.repaired()) {
        return module
            + ": repaired "
            + fresh.current().label()
            + ": its cached jar was damaged, and was fetched again";
      }
      if (!fresh.changed()) {
        return module
            + ": unchanged, "
            + fresh.current().label()
            + from(fresh.current())
            + sameBytesNote(fresh);
      }
      return fresh
              .previous()
              .map(p -> module + ": updated from " + p.label() + " to " + fresh.current().label())
              .orElse(module + ": fetched " + fresh.current().label())
          + from(fresh.current())
          + (uncheckedRelease(fresh) ? " (the repository has no checksum file for it)" : "");
    }
    if (outcome instanceof Refresh.Pinned pinned) {
      return pinned.module()
          + ": pinned at "
          + pinned.current().label()
          + ", not checked ('freshjar modules unpin "
          + pinned.module()
          + "' to follow updates)";
    }
    if (outcome instanceof Refresh.Fallback fallback) {
      if (offline) {
        return fallback.module() + ": offline, on " + fallback.current().label();
      }
      return fallback.module()
          + ": failed: "
          + fallback.reason()
          + "; still on "
          + fallback.current().label();
    }
    Refresh.Unavailable unavailable = (Refresh.Unavailable) outcome;
    return unavailable.module() + ": unavailable: " + unavailable.reason();
  }

  private static String reload(ModuleReload outcome) {
    String module = outcome.module();
    if (outcome instanceof ModuleReload.Unchanged unchanged) {
      return module + ": unchanged, " + unchanged.running();
    }
    if (outcome instanceof ModuleReload.Updated updated) {
      String what =
          updated
              .from()
              .map(f -> module + ": updated from " + f + " to " + updated.to())
              .orElse(module + ": loaded " + updated.to());
      return what + updated.note().map(n -> " (from the cache; " + n + ")").orElse("");
    }
    if (outcome instanceof ModuleReload.Failed failed) {
      return module + ": failed: " + failed.reason() + "; still running " + failed.stillRunning();
    }
    return module + ": unavailable: " + ((ModuleReload.Unavailable) outcome).reason();
  }

  private static String label(Optional<CachedJar> jar) {
    return jar.map(CachedJar::label).orElse("(none)");
  }
}
