package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleTables;
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
      Printing.print(parent, ModuleTables.rules(modules));
      return parent.finish(0);
    }
  }
}
