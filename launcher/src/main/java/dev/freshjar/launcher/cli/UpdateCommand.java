package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Durations;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.cache.RejectedJarException;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.cron.Jitter;
import dev.freshjar.launcher.cron.RunLog;
import dev.freshjar.launcher.loading.ModuleJarCheck;
import dev.freshjar.launcher.modules.OutcomeText;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Refreshes every module's cache without running a rule (for cron): one line per module.",
      "Exit status: 0 all current, 3 a module is unavailable, 4 some fell back to their cached"
          + " version, 2 usage error."
    })
final class UpdateCommand implements Callable<Integer> {
  // How long a cached module's code may take to load when update tries it.
  private static final Duration LOAD_BOUND = Duration.ofSeconds(10);

  @ParentCommand FreshjarCommand parent;

  @Option(
      names = "--quiet",
      description = "Print only problems: modules that fell back or are unavailable.")
  boolean quiet;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description =
          "Also append timestamped lines to FILE (created with its directories): what was"
              + " checked, what changed, every warning.")
  Path logFile;

  @Option(
      names = "--jitter",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "First wait a random time up to DURATION, so that many hosts running the same crontab"
              + " do not all ask a server in the same second.")
  Duration jitter = Duration.ZERO;

  @Override
  public Integer call() {
    if (quiet) {
      parent.progress().silence();
    }
    try (RunLog log =
        logFile == null
            ? RunLog.none()
            : RunLog.open(logFile, parent.streams().err(), Clock.systemUTC())) {
      try {
        // Inside the log: a crontab with a bad --module leaves a trail too.
        List<ModuleSource> sources = parent.sources();
        ExitStatus status = update(sources, parent.refreshMode(), log);
        log.info("update: done, exit " + status.code() + " (" + status.meaning() + ")");
        if (log.failed() && (status == ExitStatus.OK || status == ExitStatus.FELL_BACK)) {
          // Said on standard error already; a cron job must not pass without its trail.
          return ExitStatus.RULE_FAILED.code();
        }
        return status.code();
      } catch (CommandFailure e) {
        log.error("update: " + Untrusted.lines(e.getMessage()));
        throw e;
      } catch (RuntimeException e) {
        log.error("update: unexpected error: " + e);
        throw e;
      }
    }
  }

  private ExitStatus update(List<ModuleSource> sources, Refresher.Mode mode, RunLog log) {
    if (!jitter.isZero()) {
      Duration wait = Jitter.pick(jitter, ThreadLocalRandom.current());
      log.info(
          "update: waiting "
              + Durations.format(wait)
              + " (--jitter "
              + Durations.format(jitter)
              + ") before checking");
      sleep(wait);
    }
    ModuleCache cache = parent.cache();
    log.info(
        "update: checking "
            + sources.size()
            + (sources.size() == 1 ? " module" : " modules")
            + (mode == Refresher.Mode.OFFLINE ? " offline" : "")
            + " in the cache "
            + cache.root()
            + ": "
            + sources.stream()
                .map(s -> s.name() + " (" + s.describe() + ")")
                .collect(Collectors.joining(", ")));
    // An update repairs what the checks of a run only report: damaged jars, unreadable records.
    List<Refresh> outcomes =
        new Refresher(cache, deadline(sources), true).refreshAll(sources, mode);
    parent.progress().closeAll();
    PrintWriter out = parent.streams().out();
    boolean unavailable = false;
    boolean fellBack = false;
    for (Refresh outcome : outcomes) {
      boolean offline = mode == Refresher.Mode.OFFLINE;
      Optional<String> loadFailure = loadFailure(outcome);
      String line =
          loadFailure
              .map(why -> OutcomeText.cannotLoad(outcome.module(), outcome.jar().get(), why))
              .orElse(OutcomeText.ofRefresh(outcome, offline));
      boolean problem = false;
      if (outcome instanceof Refresh.Unavailable || loadFailure.isPresent()) {
        unavailable = problem = true;
        log.error(line);
      } else if (outcome instanceof Refresh.Fallback && mode != Refresher.Mode.OFFLINE) {
        fellBack = problem = true;
        log.warn(line);
      } else {
        log.info(line);
      }
      if (problem || !quiet) {
        out.println(line);
      }
    }
    out.flush();
    if (unavailable) {
      return ExitStatus.MODULE_UNAVAILABLE;
    }
    return fellBack ? ExitStatus.FELL_BACK : ExitStatus.OK;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.ruleFailed("interrupted while waiting (--jitter)", e);
    }
  }

  /**
   * Nothing waits on {@code update} but its log, so each module may take its own full fetch
   * timeout: a large jar on a slow line still arrives, where a run that is about to compute
   * something cuts the checks off at {@code --update-timeout}.
   */
  private Duration deadline(List<ModuleSource> sources) {
    Duration deadline = parent.updateTimeout();
    for (ModuleSource source : sources) {
      if (source.timeout().compareTo(deadline) > 0) {
        deadline = source.timeout();
      }
    }
    return deadline;
  }

  /**
   * Loads the jar a refresh left current, unless the refresh just loaded it to check it: a module
   * that cannot be loaded is never reported unchanged (exit 0). Empty when it loads.
   */
  private static Optional<String> loadFailure(Refresh outcome) {
    Optional<CachedJar> jar = outcome.jar();
    boolean justChecked = outcome instanceof Refresh.Fresh fresh && fresh.changed();
    if (jar.isEmpty() || justChecked) {
      return Optional.empty();
    }
    Optional<String> damage = jar.get().damage();
    if (damage.isPresent()) {
      return Optional.of(
          damage.get() + "; 'freshjar update' repairs it while its source serves it");
    }
    try {
      new ModuleJarCheck(outcome.module(), LOAD_BOUND).check(jar.get().jar());
      return Optional.empty();
    } catch (RejectedJarException e) {
      return Optional.of(e.getMessage());
    }
  }
}
