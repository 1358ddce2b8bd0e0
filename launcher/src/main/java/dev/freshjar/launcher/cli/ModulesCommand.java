package dev.freshjar.launcher.cli;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.cache.CachedJar;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleStatus;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "modules",
    mixinStandardHelpOptions = true,
    description =
        "Lists each module: name, version, sha256, what vouches for it (key FINGERPRINT,"
            + " sha256 pinned, unsigned), source URL, state (fresh, cached fallback,"
            + " unavailable) and when it was fetched.")
final class ModulesCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    try (ModuleSet modules = parent.openModules()) {
      Printing.print(parent, table(modules));
      return 0;
    }
  }

  static Table table(ModuleSet modules) {
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
          jar.map(CachedJar::version).filter(v -> !v.isEmpty()).orElse("-"),
          jar.map(CachedJar::shortSha).orElse("-"),
          status.trustLabel(),
          status.source().url().toString(),
          status.state(),
          jar.map(j -> j.fetchedAt().toString()).orElse("-"));
    }
    return table.build();
  }
}
