package dev.freshjar.launcher.shell;

import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import dev.freshjar.cache.Durations;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.RuleCall;
import dev.freshjar.launcher.modules.RuleLine;
import java.time.Duration;
import java.util.List;

/**
 * A command that names a rule: runs it on a thread of its own ({@link RuleCall}) so that Ctrl-C can
 * stop it and the session go on. A rule that ignores the interrupt and its closed input for {@link
 * #GRACE} is abandoned: it runs on, its result discarded, and keeps its module version loaded
 * (through its lease) until it returns.
 */
final class RuleRun {
  static final Duration GRACE = Duration.ofSeconds(2);

  private RuleRun() {}

  static void run(Session session, String name, List<String> args) {
    LiveModules.Lease lease = session.modules().acquire();
    RuleCall call;
    try {
      ModuleRule rule = resolve(lease.modules(), name);
      RuleLine line =
          RuleLine.parse(
              rule, args, RuleLine.Syntax.OPTIONS_OR_POSITIONS, session.settings().presets());
      if (line.helpRequested()) {
        session.say(line.usage());
        lease.close();
        return;
      }
      Input input = session.documents().input(line.input());
      call = RuleCall.start(rule.qualifiedName(), input, in -> rule.run(in, line.arguments()));
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
    Table table;
    try {
      table = call.await();
    } catch (InterruptedException e) {
      cancel(session, call, lease);
      return;
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
    // A streamed result runs the module's code while it is printed: its version stays leased.
    try {
      session.print(table);
    } finally {
      lease.close();
    }
  }

  private static void cancel(Session session, RuleCall call, LiveModules.Lease lease) {
    RuleCall.Cancellation how = call.cancel(GRACE);
    if (how == RuleCall.Cancellation.ABANDONED) {
      // Its module version must stay open while it runs: the lease goes when the rule returns.
      call.whenDone(lease::close);
      session.error(
          call.name()
              + " did not stop within "
              + Durations.format(GRACE)
              + " of Ctrl-C; left running in the background, its result discarded (its module"
              + " version stays loaded until it returns)");
    } else {
      lease.close();
      session.error(call.name() + " cancelled");
    }
  }

  /**
   * The rule {@code name} means; a word that is neither a command nor a rule points at {@code
   * help}.
   */
  private static ModuleRule resolve(ModuleSet modules, String name) {
    boolean unknown =
        name.indexOf(':') < 0
            && modules.rules().all().stream().noneMatch(rule -> rule.name().equals(name))
            && modules.statuses().stream().allMatch(status -> status.loaded().isPresent());
    if (unknown) {
      throw CommandFailure.usage(
          "unknown command '" + name + "'; type help for the commands and rules");
    }
    return modules.rules().resolve(name);
  }
}
