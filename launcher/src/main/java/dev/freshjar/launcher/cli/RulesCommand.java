package dev.freshjar.launcher.cli;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists each rule with the module and version that provide it.")
final class RulesCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    try (ModuleSet modules = parent.openModules()) {
      Printing.print(parent, table(modules));
      return parent.finish(0);
    }
  }

  static Table table(ModuleSet modules) {
    Table.Builder table =
        Table.builder(
            Column.text("rule"),
            Column.text("module"),
            Column.text("version"),
            Column.text("summary"),
            Column.text("source"));
    for (ModuleRule rule : modules.rules().all()) {
      table.row(
          rule.qualifiedName(),
          rule.module().jar().title(),
          rule.module().versionLabel(),
          rule.summary(),
          rule.module().jar().source().toString());
    }
    return table.build();
  }
}
