package dev.freshjar.launcher.cli;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "Lists each rule as MODULE:RULE with its module's name, title, version, what vouches"
            + " for that version (key FINGERPRINT, sha256 pinned, unsigned) and source URL.")
final class RulesCommand implements Callable<Integer> {
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
}
