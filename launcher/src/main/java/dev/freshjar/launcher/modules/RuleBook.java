package dev.freshjar.launcher.modules;

import dev.freshjar.api.Rule;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.NearMiss;
import dev.freshjar.launcher.loading.LoadedModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds a rule by the name a user typed: {@code module:rule} always, a bare {@code rule} while
 * exactly one loaded module provides it.
 */
public final class RuleBook {
  private final Map<String, LoadedModule> modules = new LinkedHashMap<>();
  private final Map<String, String> unavailable;
  private final List<ModuleRule> all = new ArrayList<>();

  /**
   * @param loaded the modules that loaded, in configuration order
   * @param unavailable module name to the reason it could not be loaded
   */
  RuleBook(List<LoadedModule> loaded, Map<String, String> unavailable) {
    for (LoadedModule module : loaded) {
      modules.put(module.name(), module);
      for (Rule rule : module.rules()) {
        all.add(new ModuleRule(module, rule));
      }
    }
    this.unavailable = Map.copyOf(unavailable);
  }

  /** Every rule of every loaded module. */
  public List<ModuleRule> all() {
    return List.copyOf(all);
  }

  /**
   * The rule a user means by {@code name}.
   *
   * @throws CommandFailure with exit status 2 for an unknown or ambiguous name, 3 when the rule
   *     would come from a module that is unavailable
   */
  public ModuleRule resolve(String name) {
    int colon = name.indexOf(':');
    return colon >= 0
        ? resolveQualified(name.substring(0, colon), name.substring(colon + 1))
        : resolveBare(name);
  }

  private ModuleRule resolveQualified(String moduleName, String ruleName) {
    if (unavailable.containsKey(moduleName)) {
      throw CommandFailure.unavailable(
          "module " + moduleName + " is unavailable: " + unavailable.get(moduleName));
    }
    if (!modules.containsKey(moduleName)) {
      throw CommandFailure.usage(
          "there is no module named '"
              + moduleName
              + "'"
              + NearMiss.hint(moduleName, moduleNames())
              + "; configured modules: "
              + String.join(", ", moduleNames()));
    }
    return all.stream()
        .filter(r -> r.module().name().equals(moduleName) && r.name().equals(ruleName))
        .findFirst()
        .orElseThrow(
            () ->
                CommandFailure.usage(
                    "module "
                        + moduleName
                        + " has no rule '"
                        + ruleName
                        + "'"
                        + NearMiss.hint(
                            ruleName,
                            all.stream()
                                .filter(r -> r.module().name().equals(moduleName))
                                .map(ModuleRule::name)
                                .toList())
                        + "; it has: "
                        + all.stream()
                            .filter(r -> r.module().name().equals(moduleName))
                            .map(ModuleRule::name)
                            .collect(Collectors.joining(", "))));
  }

  private ModuleRule resolveBare(String ruleName) {
    List<ModuleRule> providers = all.stream().filter(r -> r.name().equals(ruleName)).toList();
    if (providers.size() == 1) {
      return providers.get(0);
    }
    if (providers.size() > 1) {
      throw CommandFailure.usage(
          "rule '"
              + ruleName
              + "' is provided by more than one module: "
              + providers.stream()
                  .map(r -> r.qualifiedName() + " (" + r.module().versionLabel() + ")")
                  .collect(Collectors.joining(", "))
              + "; name one of them as MODULE:RULE");
    }
    if (!unavailable.isEmpty()) {
      throw CommandFailure.unavailable(
          "no available module provides rule '"
              + ruleName
              + "', and "
              + unavailable.entrySet().stream()
                  .map(e -> "module " + e.getKey() + " is unavailable: " + e.getValue())
                  .collect(Collectors.joining("; ")));
    }
    throw new UnknownRule(ruleName, all.stream().map(ModuleRule::name).distinct().toList());
  }

  private List<String> moduleNames() {
    List<String> names = new ArrayList<>(modules.keySet());
    names.addAll(unavailable.keySet());
    return names;
  }
}
