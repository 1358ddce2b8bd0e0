package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.loading.RuleNameIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which modules a command that names one rule must load: the module a {@code MODULE:RULE} names, or
 * every module whose jar provided a bare {@code RULE} when it was last loaded; and always every
 * module whose jar is not in the {@link RuleNameIndex} (never loaded by this launcher, so it may
 * provide the rule, or fail to load and be reported as before) or whose jar no longer verifies (its
 * load refuses it with the reason, as before).
 */
final class NeededModules {
  private NeededModules() {}

  static boolean[] of(
      String ruleName, List<ModuleSource> sources, List<Refresh> refreshes, RuleNameIndex index) {
    // Plain code, no lambdas: this runs on every one-shot run, in a cold JVM.
    int colon = ruleName.indexOf(':');
    String module = colon >= 0 ? ruleName.substring(0, colon) : null;
    String rule = colon >= 0 ? ruleName.substring(colon + 1) : ruleName;
    boolean[] needed = new boolean[sources.size()];
    for (int i = 0; i < needed.length; i++) {
      Optional<CachedJar> jar = refreshes.get(i).jar();
      Optional<Set<String>> names =
          jar.isPresent() ? index.ruleNames(jar.get().sha256()) : Optional.empty();
      if (names.isEmpty() || jar.get().damage().isPresent()) {
        needed[i] = true;
      } else if (module != null) {
        needed[i] = sources.get(i).name().equals(module);
      } else {
        needed[i] = names.get().contains(rule);
      }
    }
    return needed;
  }
}
