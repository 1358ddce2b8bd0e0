package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.Durations;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.cron.Jitter;
import dev.freshjar.launcher.cron.RunLog;
import dev.freshjar.launcher.modules.ModuleStatus;
import dev.freshjar.launcher.modules.Refresher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    try (RunLog log =
        logFile == null
            ? RunLog.none()
            : RunLog.open(logFile, parent.streams().err(), Clock.systemUTC())) {
      try {
        // Inside the log: a crontab with a bad --module leaves a trail too.
        List<ModuleSource> sources = parent.sources();
        ExitStatus status = update(sources, parent.refreshMode(), log);
        log.info("update: done, exit " + status.code() + " (" + status.meaning() + ")");
        return status.code();
      } catch (CommandFailure e) {
        log.error("update: " + e.getMessage());
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
    List<Refresh> outcomes = new Refresher(cache, deadline(sources)).refreshAll(sources, mode);
    PrintWriter out = parent.streams().out();
    boolean unavailable = false;
    boolean fellBack = false;
    for (Refresh outcome : outcomes) {
      String line = describe(outcome, mode);
      boolean problem = false;
      if (outcome instanceof Refresh.Unavailable) {
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

  /** One line saying what became of a module on a refresh that asked its source. */
  static String describe(Refresh outcome) {
    return describe(outcome, Refresher.Mode.CHECK);
  }

  static String describe(Refresh outcome, Refresher.Mode mode) {
    if (outcome instanceof Refresh.Fresh fresh) {
      if (!fresh.changed()) {
        return fresh.module() + ": unchanged, " + label(fresh.current()) + from(fresh.current());
      }
      return fresh
              .previous()
              .map(
                  p ->
                      fresh.module()
                          + ": updated from "
                          + label(p)
                          + " to "
                          + label(fresh.current()))
              .orElse(fresh.module() + ": fetched " + label(fresh.current()))
          + from(fresh.current())
          + fresh
              .current()
              .release()
              .filter(r -> r.checksum().isEmpty())
              .map(r -> " (the repository has no checksum file for it)")
              .orElse("");
    }
    if (outcome instanceof Refresh.Pinned pinned) {
      return pinned.module()
          + ": pinned at "
          + label(pinned.current())
          + ", not checked ('freshjar modules unpin "
          + pinned.module()
          + "' to follow updates)";
    }
    if (outcome instanceof Refresh.Fallback fallback) {
      if (mode == Refresher.Mode.OFFLINE) {
        return fallback.module() + ": offline, on " + label(fallback.current());
      }
      return fallback.module()
          + ": failed: "
          + fallback.reason()
          + "; still on "
          + label(fallback.current());
    }
    Refresh.Unavailable unavailable = (Refresh.Unavailable) outcome;
    return unavailable.module() + ": unavailable: " + unavailable.reason();
  }

  /** " from REPOSITORY" for a module from a Maven repository: which one answered. */
  private static String from(CachedJar jar) {
    return jar.release().map(r -> " from " + r.repository()).orElse("");
  }

  static String label(CachedJar jar) {
    return ModuleStatus.label(jar);
  }
}
