package dev.freshjar.launcher.cli;

import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.input.OneShotInputs;
import dev.freshjar.launcher.loading.RuleNameIndex;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.modules.RuleLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one rule from the command line: {@code RULE [RULE-OPTIONS] INPUT}.
 *
 * <p>When the modules are checked for updates, the rule does not wait for the checks: it runs at
 * once on the cached jars, and its result (or its failure) is reported only if the checks then
 * confirm that every module's newest jar is the one it ran on (a 304, the usual case). If a check
 * brings a different jar, that early run is abandoned, its input failing at the next read, and the
 * rule runs again on the new jars, on the same bytes: the input is read from its source once
 * ({@link OneShotInputs}), so a pipe, standard input or a download gives the rerun every byte. The
 * user sees exactly what a run after the checks would show; the checks' time is hidden behind the
 * rule's.
 *
 * <p>Only the modules that can provide the named rule are loaded ({@link ModuleSet#loadFor}); when
 * the rule is not found among them, every module is loaded and the name resolved again, so that
 * what an unknown or ambiguous name gets is what it got when every module was loaded.
 */
final class RuleInvocation {
  private final FreshjarCommand command;

  RuleInvocation(FreshjarCommand command) {
    this.command = command;
  }

  /** What the early run came to. */
  private sealed interface Early {
    /** It did not run: the rule's help was asked for, or the rule is not among the cached ones. */
    record NotRun() implements Early {}

    record Done(Table table) implements Early {}

    /** The rule or its input failed: the same failure a run on the same jars would meet. */
    record Failed(RuntimeException failure) implements Early {}
  }

  int run(List<String> words) {
    Refresher.Mode mode = command.refreshMode();
    try (OneShotInputs inputs =
        new OneShotInputs(
            new InputResolver(command.streams().in(), command.progress()),
            OneShotInputs.defaultTempDir(command.env()))) {
      if (mode != Refresher.Mode.CHECK) {
        inputs.lastReader();
        try (ModuleSet modules = command.openModulesFor(words.get(0))) {
          return command.finish(runOn(modules, words, inputs));
        }
      }
      return runWhileChecking(words, mode, inputs);
    }
  }

  private int runWhileChecking(List<String> words, Refresher.Mode mode, OneShotInputs inputs) {
    List<ModuleSource> sources = command.sources();
    Refresher refresher = command.refresher();
    CompletableFuture<List<Refresh>> checks = refresher.startAll(sources, mode);
    // A URL as the last word is, by the rule-line grammar, the input: start its download now, so
    // that it overlaps the modules' loading as well as the checks.
    inputs.openAhead(words.get(words.size() - 1));
    RuleNameIndex index = command.ruleNameIndex();
    List<Refresh> refreshes;
    try (ModuleSet cached =
        ModuleSet.loadFor(
            words.get(0), sources, refresher.refreshAll(sources, Refresher.Mode.OFFLINE), index)) {
      AtomicBoolean superseded = new AtomicBoolean();
      checks.whenComplete(
          (outcome, error) -> {
            if (error == null && cached.refreshedAs(outcome).isPresent()) {
              // The early run is the last to read: what it reads needs no keeping.
              inputs.lastReader();
            } else {
              superseded.set(true);
              inputs.release();
            }
          });
      Early early = runEarly(cached, words, inputs, superseded);
      refreshes = join(checks);
      Optional<ModuleSet> confirmed = cached.refreshedAs(refreshes);
      if (confirmed.isPresent()) {
        command.warn(confirmed.get().statuses(), mode);
        if (early instanceof Early.Done done) {
          Printing.print(command, done.table());
          return command.finish(ExitStatus.OK.code());
        }
        if (early instanceof Early.Failed failed) {
          throw failed.failure();
        }
        // The same jars, already loaded: run here what did not run early.
        return command.finish(runOn(confirmed.get(), words, inputs));
      }
    }
    inputs.lastReader();
    try (ModuleSet modules = ModuleSet.loadFor(words.get(0), sources, refreshes, index)) {
      command.warn(modules.statuses(), mode);
      return command.finish(runOn(modules, words, inputs));
    }
  }

  private int runOn(ModuleSet modules, List<String> words, OneShotInputs inputs) {
    ModuleRule rule;
    try {
      rule = modules.rules().resolve(words.get(0));
    } catch (CommandFailure notAmongThese) {
      if (!modules.deferredAny()) {
        throw notAmongThese;
      }
      // The error path: resolved over every module, as when all were loaded. A rule the index did
      // not lead to (it cannot, unless its file was tampered with) is found here too.
      try (ModuleSet every = modules.everyModule()) {
        return runRule(every.rules().resolve(words.get(0)), words, inputs);
      }
    }
    return runRule(rule, words, inputs);
  }

  private int runRule(ModuleRule rule, List<String> words, OneShotInputs inputs) {
    RuleLine line =
        RuleLine.parse(rule, words.subList(1, words.size()), RuleLine.Syntax.OPTIONS, Map.of());
    if (line.helpRequested()) {
      command.streams().out().println(line.usage());
      command.streams().out().flush();
      return ExitStatus.OK.code();
    }
    Printing.print(command, rule.run(inputs.get(line.input()), line.arguments()));
    return ExitStatus.OK.code();
  }

  /** The rule's result, or its failure, on the cached jars. */
  private Early runEarly(
      ModuleSet cached, List<String> words, OneShotInputs inputs, AtomicBoolean superseded) {
    ModuleRule rule;
    RuleLine line;
    try {
      rule = cached.rules().resolve(words.get(0));
      line =
          RuleLine.parse(rule, words.subList(1, words.size()), RuleLine.Syntax.OPTIONS, Map.of());
    } catch (RuntimeException e) {
      // An unknown rule or a bad option may be what a newer jar fixes: the run after the checks
      // tells.
      return new Early.NotRun();
    }
    if (line.helpRequested()) {
      return new Early.NotRun();
    }
    try {
      Input input = inputs.get(line.input());
      Input abandonable = input.wrapStreams(opened -> new Abandonable(opened, superseded::get));
      return new Early.Done(rule.run(abandonable, line.arguments()));
    } catch (RuntimeException e) {
      return new Early.Failed(e);
    }
  }

  private static List<Refresh> join(CompletableFuture<List<Refresh>> checks) {
    try {
      return checks.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
