package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleTables;
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
      Printing.print(parent, ModuleTables.modules(modules));
      return 0;
    }
  }
}
