package dev.freshjar.launcher.cli;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleEntry;
import dev.freshjar.cache.Rollback;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleTables;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code modules}: with no subcommand, lists the configured modules; its subcommands look at and
 * change what the cache holds for one module, whether or not it is configured in this run, without
 * asking any source.
 */
@Command(
    name = "modules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists each module: name, version, sha256, what vouches for it (key FINGERPRINT, sha256"
          + " pinned, unsigned), source URL, state (fresh, pinned, cached fallback, unavailable)"
          + " and when it was fetched.",
      "Subcommands work on the cache only and ask no server."
    })
final class ModulesCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    try (ModuleSet modules = parent.openModules()) {
      Printing.print(parent, ModuleTables.modules(modules));
      return parent.finish(ExitStatus.OK.code());
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description =
          "Lists the cached versions of a module, newest fetch first: version, sha256, when"
              + " fetched, from where, and which is current.")
  int history(@Parameters(paramLabel = "NAME", description = "The module.") String name) {
    ModuleEntry entry =
        CacheErrors.translate(() -> parent.cache().entry(name)).orElseThrow(() -> notCached(name));
    Table.Builder table =
        Table.builder(
            Column.text("version"),
            Column.text("sha256"),
            Column.text("fetched"),
            Column.text("source"),
            Column.text("state"));
    for (CachedJar jar : entry.history()) {
      String state;
      if (jar.equals(entry.current())) {
        state = entry.pinned() ? "current, pinned" : "current";
      } else if (jar.sha256().equals(entry.current().sha256())) {
        // A release re-published with the current jar's bytes: it runs, under the newer name.
        state = "same jar as current";
      } else {
        state = Files.isRegularFile(jar.jar()) ? "stored" : "missing";
      }
      table.row(
          jar.displayVersion().isEmpty() ? "-" : jar.displayVersion(),
          jar.shortSha(),
          jar.fetchedAt().toString(),
          jar.source().toString(),
          state);
    }
    Printing.print(parent, table.build());
    return ExitStatus.OK.code();
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Makes an earlier cached version of a module current, and pins it there so that the next"
            + " update does not bring the newer one back; 'modules unpin NAME' follows the newest"
            + " again.",
        "Without SHA: the version fetched before the current one."
      })
  int rollback(
      @Parameters(paramLabel = "NAME", description = "The module.") String name,
      @Parameters(
              paramLabel = "SHA",
              arity = "0..1",
              description = "The version's sha256, or its first 6 or more hex digits.")
          String sha) {
    ModuleCache cache = parent.cache();
    Rollback rollback = CacheErrors.translate(() -> cache.rollback(name, Optional.ofNullable(sha)));
    String to = rollback.to().label();
    String change =
        rollback.from().sha256().equals(rollback.to().sha256())
            ? name + ": already at " + to + "; pinned there"
            : name
                + ": rolled back from "
                + rollback.from().label()
                + " to "
                + to
                + ", and pinned there";
    println(
        change
            + ": updates leave it until 'freshjar modules unpin "
            + name
            + "', after which the next update fetches the newest version again");
    return ExitStatus.OK.code();
  }

  @Command(
      name = "pin",
      mixinStandardHelpOptions = true,
      description =
          "Keeps a module at its current version: updates do not ask its server until 'modules"
              + " unpin NAME'.")
  int pin(@Parameters(paramLabel = "NAME", description = "The module.") String name) {
    ModuleEntry entry = CacheErrors.translate(() -> parent.cache().pin(name));
    println(
        name
            + ": pinned at "
            + entry.current().label()
            + "; updates leave it there until 'freshjar modules unpin "
            + name
            + "'");
    return ExitStatus.OK.code();
  }

  @Command(
      name = "unpin",
      mixinStandardHelpOptions = true,
      description = "Lets updates move a pinned module to its server's newest version again.")
  int unpin(@Parameters(paramLabel = "NAME", description = "The module.") String name) {
    ModuleEntry entry = CacheErrors.translate(() -> parent.cache().unpin(name));
    println(
        name
            + ": unpinned, at "
            + entry.current().label()
            + "; the next update fetches the newest version");
    return ExitStatus.OK.code();
  }

  private void println(String line) {
    PrintWriter out = parent.streams().out();
    out.println(Untrusted.text(line));
    out.flush();
  }

  private static CommandFailure notCached(String name) {
    return CommandFailure.usage("module " + name + " is not in the cache: it was never fetched");
  }
}
