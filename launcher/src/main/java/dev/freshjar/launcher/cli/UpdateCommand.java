package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.modules.Refresher;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Refreshes every module's cache without running a rule (for cron).")
final class UpdateCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    List<ModuleSource> sources = parent.sources();
    Refresher.Mode mode = parent.refreshMode();
    List<Refresh> outcomes =
        new Refresher(parent.cache(), parent.updateTimeout).refreshAll(sources, mode);
    PrintWriter out = parent.streams().out();
    boolean unavailable = false;
    for (Refresh outcome : outcomes) {
      out.println(describe(outcome));
      unavailable |= outcome instanceof Refresh.Unavailable;
    }
    out.flush();
    return (unavailable ? ExitStatus.MODULE_UNAVAILABLE : ExitStatus.OK).code();
  }

  static String describe(Refresh outcome) {
    if (outcome instanceof Refresh.Fresh fresh) {
      if (!fresh.changed()) {
        return fresh.module() + ": unchanged, " + label(fresh.current());
      }
      return fresh
          .previous()
          .map(p -> fresh.module() + ": updated from " + label(p) + " to " + label(fresh.current()))
          .orElse(fresh.module() + ": fetched " + label(fresh.current()));
    }
    if (outcome instanceof Refresh.Fallback fallback) {
      return fallback.module()
          + ": failed: "
          + fallback.reason()
          + "; still on "
          + label(fallback.current());
    }
    Refresh.Unavailable unavailable = (Refresh.Unavailable) outcome;
    return unavailable.module() + ": unavailable: " + unavailable.reason();
  }

  static String label(CachedJar jar) {
    return (jar.version().isEmpty() ? "?" : jar.version()) + "/" + jar.shortSha();
  }
}
