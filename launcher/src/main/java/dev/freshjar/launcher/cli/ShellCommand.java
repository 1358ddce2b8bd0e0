package dev.freshjar.launcher.cli;

import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.shell.Shell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive session: run rules, 'update' to switch to new module versions without"
          + " restarting, 'help' for the commands. Reads one command per line when standard input"
          + " is not a terminal."
    })
final class ShellCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Mixin WatchOption watch;

  @Override
  public Integer call() {
    Optional<Duration> period = watch.period();
    if (System.console() == null) {
      // Commands come through a pipe: a script's session, where bars would be noise.
      parent.progress().silence();
    }
    Refresher.Mode mode = parent.refreshMode();
    List<ModuleSource> sources = parent.sources();
    ModuleCache cache = parent.cache();
    Refresher refresher = new Refresher(cache, parent.updateTimeout());
    try (LiveModules modules =
        LiveModules.open(
            sources,
            refresher.refreshAll(sources, mode),
            CacheSweep.of(cache, parent.streams().err()))) {
      try (LiveModules.Lease lease = modules.acquire()) {
        parent.warn(lease.modules().statuses(), mode);
      }
      Shell.Options options =
          new Shell.Options(refresher, mode.forReloads(), parent.format(), period, parent.env());
      FreshjarCommand.Streams streams = parent.streams();
      return new Shell(modules, options, streams.in(), streams.out(), streams.err()).run();
    }
  }
}
