package dev.freshjar.launcher.shell;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Cause;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.loading.LoadedModule;
import dev.freshjar.launcher.modules.LingeringThreads;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.ModuleStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session's updates, by {@code update} or by {@code --watch}, and every word the shell says
 * about them: one line per module, then a warning for an old version that threads keep alive.
 */
final class Updates {
  private final Session session;
  // What --watch last reported failing, per module, so that each failure is announced once, not at
  // every round. Used under the command lock only.
  private final Map<String, Reported> reportedFailures = new HashMap<>();

  /** A failure --watch has announced for a module. */
  private sealed interface Reported {
    /** A new jar that did not load: it is not offered again, a different jar is. */
    record FailedJar(String sha256) implements Reported {}

    /** A source that could not be used, by type: see {@link ModuleReload#failure()}. */
    record SourceFailure(ModuleReload.Failure failure) implements Reported {}
  }

  Updates(Session session) {
    this.session = session;
  }

  /**
   * {@code update}: asks every source, switches to what is new, and says how each module stands.
   */
  void update() {
    LiveModules modules = session.modules();
    List<Refresh> refreshes =
        session.options().refresher().refreshAll(modules.sources(), session.options().updateMode());
    boolean unavailable = false;
    for (ModuleReload outcome : modules.reload(refreshes, session.offline())) {
      session.say(outcome.describe());
      unavailable |= outcome instanceof ModuleReload.Unavailable;
    }
    warnAboutLingeringThreads(session::warn);
    // The user has seen how every module stands: --watch reports afresh from here.
    reportedFailures.clear();
    if (unavailable) {
      session.recordFailure(ExitStatus.MODULE_UNAVAILABLE);
    }
  }

  /**
   * One round of {@code --watch}, on the watcher's thread: asks the sources outside the command
   * lock, so that a slow server never holds up a command, then, between commands, switches to what
   * is new and announces it, and announces each failure once.
   */
  void watchRound() {
    LiveModules modules = session.modules();
    long seen = modules.reloads();
    List<Refresh> refreshes =
        session.options().refresher().refreshAll(modules.sources(), session.options().updateMode());
    session.commandLock().lock();
    try {
      if (modules.reloads() != seen || Thread.currentThread().isInterrupted()) {
        // An update ran meanwhile and may have installed something newer; or the session ends.
        return;
      }
      List<String> offering = new ArrayList<>();
      List<String> messages = new ArrayList<>();
      try (LiveModules.Lease lease = modules.acquire()) {
        List<ModuleStatus> statuses = lease.modules().statuses();
        for (int i = 0; i < refreshes.size(); i++) {
          watchOne(refreshes.get(i), statuses.get(i), offering, messages);
        }
      }
      if (!offering.isEmpty()) {
        List<ModuleReload> outcomes = modules.reload(refreshes, session.offline());
        for (int i = 0; i < outcomes.size(); i++) {
          ModuleReload outcome = outcomes.get(i);
          if (offering.contains(outcome.module())) {
            if (outcome.changed()) {
              reportedFailures.remove(outcome.module());
            } else {
              refreshes
                  .get(i)
                  .jar()
                  .ifPresent(
                      jar ->
                          reportedFailures.put(
                              outcome.module(), new Reported.FailedJar(jar.sha256())));
            }
            messages.add(outcome.describe());
          }
        }
      }
      messages.forEach(message -> session.lines().announce("watch: " + message));
      warnAboutLingeringThreads(warning -> session.lines().announce("watch: warning: " + warning));
    } finally {
      session.commandLock().unlock();
    }
  }

  private void warnAboutLingeringThreads(Consumer<String> warn) {
    for (LingeringThreads lingering : session.modules().lingeringThreads()) {
      warn.accept(lingering.describe());
    }
  }

  /** Whether one module has a new jar to switch to, or a failure not yet announced. */
  private void watchOne(
      Refresh refresh, ModuleStatus status, List<String> offering, List<String> messages) {
    String name = status.name();
    Optional<LoadedModule> running = status.loaded();
    Optional<String> offered = refresh.jar().map(CachedJar::sha256);
    if (offered.isPresent()
        && !offered.equals(running.map(LoadedModule::jar).map(CachedJar::sha256))) {
      if (!new Reported.FailedJar(offered.get()).equals(reportedFailures.get(name))) {
        offering.add(name);
      }
      return;
    }
    Optional<String> failure = LiveModules.sourceFailure(refresh, session.offline());
    if (failure.isEmpty()) {
      reportedFailures.remove(name);
      return;
    }
    String reason = failure.get();
    Cause cause =
        refresh instanceof Refresh.Fallback f ? f.cause() : ((Refresh.Unavailable) refresh).cause();
    ModuleReload outcome =
        running
            .<ModuleReload>map(m -> new ModuleReload.Failed(name, reason, cause, m.versionLabel()))
            .orElse(new ModuleReload.Unavailable(name, reason, cause));
    // Compared by type, not words: the words carry what a server said, which may vary.
    Reported key = new Reported.SourceFailure(outcome.failure().orElseThrow());
    if (!key.equals(reportedFailures.get(name))) {
      reportedFailures.put(name, key);
      messages.add(outcome.describe());
    }
  }
}
