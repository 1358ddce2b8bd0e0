package dev.freshjar.launcher.cli;

import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.modules.RuleLine;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one rule from the command line: {@code RULE [RULE-OPTIONS] INPUT}.
 *
 * <p>When the modules are checked for updates and the input is a local file, the rule does not wait
 * for the checks: it runs at once on the cached jars, and its result is printed only if the checks
 * then confirm that every module's newest jar is the one it ran on (a 304, the usual case). If a
 * check brings a different jar, that early run is abandoned, its input failing at the next read,
 * and the rule runs again on the new jars. The user sees exactly what a run after the checks would
 * show; the checks' time is hidden behind the rule's.
 */
final class RuleInvocation {
  private final FreshjarCommand command;

  RuleInvocation(FreshjarCommand command) {
    this.command = command;
  }

  int run(List<String> words) {
    Refresher.Mode mode = command.refreshMode();
    if (mode != Refresher.Mode.CHECK) {
      try (ModuleSet modules = command.openModules()) {
        return command.finish(runOn(modules, words));
      }
    }
    List<ModuleSource> sources = command.sources();
    Refresher refresher = command.refresher();
    CompletableFuture<List<Refresh>> checks = refresher.startAll(sources, mode);
    List<Refresh> refreshes;
    try (ModuleSet cached =
        ModuleSet.load(sources, refresher.refreshAll(sources, Refresher.Mode.OFFLINE))) {
      AtomicBoolean superseded = new AtomicBoolean();
      checks.thenAccept(outcome -> superseded.set(cached.refreshedAs(outcome).isEmpty()));
      Optional<Table> early = runEarly(cached, words, superseded);
      refreshes = join(checks);
      Optional<ModuleSet> confirmed = cached.refreshedAs(refreshes);
      if (confirmed.isPresent()) {
        command.warn(confirmed.get().statuses(), mode);
        if (early.isPresent()) {
          Printing.print(command, early.get());
          return command.finish(ExitStatus.OK.code());
        }
        // The same jars, already loaded: run here what could not run early (standard input, a
        // URL, a rule's help) or failed early (its failure is reported now).
        return command.finish(runOn(confirmed.get(), words));
      }
    }
    try (ModuleSet modules = ModuleSet.load(sources, refreshes)) {
      command.warn(modules.statuses(), mode);
      return command.finish(runOn(modules, words));
    }
  }

  private int runOn(ModuleSet modules, List<String> words) {
    ModuleRule rule = modules.rules().resolve(words.get(0));
    RuleLine line =
        RuleLine.parse(rule, words.subList(1, words.size()), RuleLine.Syntax.OPTIONS, Map.of());
    if (line.helpRequested()) {
      command.streams().out().println(line.usage());
      command.streams().out().flush();
      return ExitStatus.OK.code();
    }
    Input input =
        new InputResolver(command.streams().in(), command.progress()).resolve(line.input());
    Printing.print(command, rule.run(input, line.arguments()));
    return ExitStatus.OK.code();
  }

  /**
   * The rule's result on the cached jars, when the input is a local file and the run succeeds;
   * empty otherwise.
   */
  private Optional<Table> runEarly(ModuleSet cached, List<String> words, AtomicBoolean superseded) {
    try {
      ModuleRule rule = cached.rules().resolve(words.get(0));
      RuleLine line =
          RuleLine.parse(rule, words.subList(1, words.size()), RuleLine.Syntax.OPTIONS, Map.of());
      if (line.helpRequested() || !InputResolver.isLocalFile(line.input())) {
        return Optional.empty();
      }
      Input input =
          new InputResolver(InputStream.nullInputStream(), command.progress())
              .resolve(line.input());
      Input abandonable =
          Input.of(
              input.name(),
              () -> new Abandonable(input.openStream(), superseded),
              input.charset(),
              input.sizeHint().orElse(-1));
      return Optional.of(rule.run(abandonable, line.arguments()));
    } catch (RuntimeException e) {
      // Not lost: the run after the checks meets the same failure and reports it, or succeeds on
      // a newer jar that fixed it.
      return Optional.empty();
    }
  }

  private static List<Refresh> join(CompletableFuture<List<Refresh>> checks) {
    try {
      return checks.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** A stream that fails at the next read once the checks found a newer jar. */
  private static final class Abandonable extends FilterInputStream {
    private final AtomicBoolean superseded;

    Abandonable(InputStream in, AtomicBoolean superseded) {
      super(in);
      this.superseded = superseded;
    }

    @Override
    public int read() throws IOException {
      check();
      return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      return super.read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
      check();
      return super.skip(n);
    }

    private void check() throws IOException {
      if (superseded.get()) {
        throw new IOException("a newer module version arrived; this run is abandoned");
      }
    }
  }
}
