package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CacheException;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.config.ConfigException;
import dev.freshjar.launcher.config.ConfigLocation;
import dev.freshjar.launcher.loading.RuleNameIndex;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleSources;
import dev.freshjar.launcher.modules.ModuleStatus;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.modules.RepositoryLogins;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.progress.ProgressBars;
import dev.freshjar.launcher.terminal.TerminalFacts;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The top-level command: what the global options ({@link GlobalOption}) set, and what the built-in
 * commands and rules share: the streams, the cache, the configured modules. The built-in commands
 * are its picocli subcommands ({@link BuiltInCommands}).
 */
@Command(
    name = "freshjar",
    sortOptions = false,
    description = {
      "Runs the newest published version of each configured module's rules.",
      "",
      "  freshjar [OPTIONS] RULE [RULE-OPTIONS] INPUT   e.g. top -n 5 book.txt",
      "  INPUT: an http(s) URL, a file: URL, a local path, or - for standard input",
      ""
    },
    footer = {
      "",
      "Rules come from modules: 'freshjar rules' lists them (the built-in text module",
      "has top, wc and histogram); 'freshjar RULE --help' shows a rule's options.",
      "Exit status: 0 ok, 1 the rule or its input failed, 2 usage error,",
      "3 a needed module is unavailable, 4 some modules fell back to their cached",
      "version ('update' always, other commands with --strict), 5 'cache verify' found",
      "damage."
    })
public final class FreshjarCommand {

  // Set by GlobalOption while Cli parses the command line.
  Path configFile;
  final List<String> moduleFlags = new ArrayList<>();
  Path cacheDir;
  boolean offline;
  boolean refresh;
  Format format = Format.TEXT;
  Duration updateTimeout = Duration.ofSeconds(5);
  boolean strict;
  boolean helpRequested;
  boolean versionRequested;

  private final Streams streams;
  private final Map<String, String> env;
  private final TerminalFacts terminal;
  private final ProgressBars progress;
  // Whether openModules() warned that a module is not on its newest version.
  private boolean warned;
  // Opened once per command: opening checks and creates the cache's directories.
  private ModuleCache cache;

  FreshjarCommand(Streams streams, Map<String, String> env) {
    this.streams = streams;
    this.env = env;
    this.terminal = TerminalFacts.of(env);
    this.progress = ProgressBars.on(terminal, streams.err());
  }

  /** The progress bars of long work; none unless standard error is a terminal. */
  ProgressBars progress() {
    return progress;
  }

  /** Whether standard output and error are terminals, and how wide. */
  TerminalFacts terminal() {
    return terminal;
  }

  /**
   * The exit status of a command that ran on {@link #openModules()} and returned {@code status}:
   * with {@code --strict}, a success on a module that fell back becomes {@link
   * ExitStatus#FELL_BACK}.
   */
  int finish(int status) {
    if (strict && warned && status == ExitStatus.OK.code()) {
      streams
          .err()
          .println("freshjar: --strict: exit 4 because a module is not on its newest version");
      return ExitStatus.FELL_BACK.code();
    }
    return status;
  }

  /** Standard streams, so that tests and the shell can run commands in-process. */
  record Streams(InputStream in, PrintWriter out, PrintStream err) {}

  Streams streams() {
    return streams;
  }

  Format format() {
    return format;
  }

  Refresher.Mode refreshMode() {
    if (offline && refresh) {
      throw CommandFailure.usage("--offline and --refresh contradict each other; give one");
    }
    return offline ? Refresher.Mode.OFFLINE : refresh ? Refresher.Mode.FORCE : Refresher.Mode.CHECK;
  }

  ModuleCache cache() {
    if (cache == null) {
      Path dir = CacheLocation.resolve(cacheDir, env, System.getProperty("user.home"));
      try {
        cache = ModuleCache.open(dir);
      } catch (CacheException e) {
        // Without its cache no module is available; the fix is the user's choice of directory.
        throw CommandFailure.unavailable(
            e.getMessage() + "; give --cache-dir (or FRESHJAR_CACHE) a directory of your own");
      }
    }
    return cache;
  }

  /** Which rules each module jar provided when last loaded: see {@link RuleNameIndex}. */
  RuleNameIndex ruleNameIndex() {
    return RuleNameIndex.in(cache().root());
  }

  /** The configuration file's modules and the {@code --module} flags', or the built-in module. */
  List<ModuleSource> sources() {
    List<ModuleSource> configured;
    try {
      configured =
          ModuleSources.combine(
              ConfigLocation.resolve(configFile, env, System.getProperty("user.home")).modules(),
              ModuleSources.fromFlags(moduleFlags));
    } catch (ConfigException e) {
      throw new CommandFailure(ExitStatus.USAGE, e.getMessage(), e);
    }
    if (!configured.isEmpty()) {
      return RepositoryLogins.resolve(configured, env, System.getProperty("user.home"));
    }
    String home = System.getProperty("freshjar.home");
    if (home == null) {
      throw CommandFailure.unavailable(
          "no module configured: give --config FILE or --module NAME=URL (freshjar.home is not"
              + " set, so the built-in text-utils module cannot be found)");
    }
    return List.of(
        ModuleSources.builtIn(Path.of(home))
            .orElseThrow(
                () ->
                    CommandFailure.unavailable(
                        "no module configured and the built-in text-utils module is not built"
                            + " under "
                            + home
                            + "; run 'mvn -q package' there, or give --module NAME=URL")));
  }

  Refresher refresher() {
    return new Refresher(cache(), updateTimeout);
  }

  /** Refreshes and loads every configured module, warning on standard error where needed. */
  ModuleSet openModules() {
    Refresher.Mode mode = refreshMode();
    List<ModuleSource> sources = sources();
    ModuleSet modules = ModuleSet.load(sources, refresher().refreshAll(sources, mode));
    warn(modules.statuses(), mode);
    return modules;
  }

  /**
   * Refreshes every configured module, as {@link #openModules()} does, and loads those that can
   * provide {@code ruleName} ({@link ModuleSet#loadFor}).
   */
  ModuleSet openModulesFor(String ruleName) {
    Refresher.Mode mode = refreshMode();
    List<ModuleSource> sources = sources();
    ModuleSet modules =
        ModuleSet.loadFor(
            ruleName, sources, refresher().refreshAll(sources, mode), ruleNameIndex());
    warn(modules.statuses(), mode);
    return modules;
  }

  /** Warns on standard error of each module that does not run its newest version. */
  void warn(List<ModuleStatus> statuses, Refresher.Mode mode) {
    // The checks are over: a download still going on is no longer this run's business.
    progress.closeAll();
    for (ModuleStatus status : statuses) {
      // Offline, running on the cache is what the user asked for, not something to warn about.
      boolean asked = mode == Refresher.Mode.OFFLINE && status.available();
      if (!asked && status.warning().isPresent()) {
        streams.err().println("freshjar: warning: " + status.warning().get());
        warned = true;
      }
      status.notice().ifPresent(n -> streams.err().println("freshjar: warning: " + n));
    }
  }

  Map<String, String> env() {
    return env;
  }

  Duration updateTimeout() {
    return updateTimeout;
  }
}
