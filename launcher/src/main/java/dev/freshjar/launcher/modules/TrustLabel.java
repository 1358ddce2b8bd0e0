package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import java.util.Optional;

/**
 * What vouches for the jar a module runs, as {@code rules} and {@code modules} show it: {@code key
 * FINGERPRINT} (its author's signature verified with that key), {@code sha256 pinned} (it is the
 * exact jar the configuration names), both, or {@code unsigned} (only its URL vouches for it).
 */
public final class TrustLabel {
  private TrustLabel() {}

  /** The label of {@code jar} under {@code source}'s configuration; "-" when there is no jar. */
  public static String of(Optional<CachedJar> jar, ModuleSource source) {
    if (jar.isEmpty()) {
      return "-";
    }
    boolean pinned = source.expectedSha256().filter(jar.get().sha256()::equals).isPresent();
    String signed = jar.get().signature().map(s -> "key " + s.keyFingerprint()).orElse("");
    if (signed.isEmpty()) {
      return pinned ? "sha256 pinned" : "unsigned";
    }
    return pinned ? signed + ", sha256 pinned" : signed;
  }
}
