package dev.freshjar.launcher.modules;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.cache.CachedJar;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The tables of {@code rules} and {@code modules}, for the command line and the shell alike. */
public final class ModuleTables {
  private ModuleTables() {}

  /** Each rule with the module and version that provide it, and what vouches for that version. */
  public static Table rules(ModuleSet modules) {
    Table.Builder table =
        Table.builder(
            Column.text("rule"),
            Column.text("module"),
            Column.text("title"),
            Column.text("version"),
            Column.text("signed"),
            Column.text("summary"),
            Column.text("source"));
    Map<String, String> trust = new HashMap<>();
    for (ModuleStatus status : modules.statuses()) {
      trust.put(status.name(), status.trustLabel());
    }
    for (ModuleRule rule : modules.rules().all()) {
      table.row(
          rule.qualifiedName(),
          rule.module().name(),
          rule.module().jar().title(),
          rule.module().versionLabel(),
          trust.getOrDefault(rule.module().name(), "-"),
          rule.summary(),
          rule.module().jar().source().toString());
    }
    return table.build();
  }

  /** Each module: name, version, sha256, signed, source URL, state and when it was fetched. */
  public static Table modules(ModuleSet modules) {
    Table.Builder table =
        Table.builder(
            Column.text("module"),
            Column.text("version"),
            Column.text("sha256"),
            Column.text("signed"),
            Column.text("source"),
            Column.text("state"),
            Column.text("fetched"));
    for (ModuleStatus status : modules.statuses()) {
      Optional<CachedJar> jar = status.jar();
      table.row(
          status.name(),
          jar.map(CachedJar::displayVersion).filter(v -> !v.isEmpty()).orElse("-"),
          jar.map(CachedJar::shortSha).orElse("-"),
          status.trustLabel(),
          status.source().describe(),
          status.state(),
          jar.map(j -> j.fetchedAt().toString()).orElse("-"));
    }
    return table.build();
  }
}
