package dev.freshjar.launcher.cli;

import dev.freshjar.api.Input;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.RuleLine;
import java.util.List;
import java.util.Map;

/** Runs one rule from the command line: {@code RULE [RULE-OPTIONS] INPUT}. */
final class RuleInvocation {
  private final FreshjarCommand command;
  private final ModuleSet modules;

  RuleInvocation(FreshjarCommand command, ModuleSet modules) {
    this.command = command;
    this.modules = modules;
  }

  int run(List<String> words) {
    ModuleRule rule = modules.rules().resolve(words.get(0));
    RuleLine line =
        RuleLine.parse(rule, words.subList(1, words.size()), RuleLine.Syntax.OPTIONS, Map.of());
    if (line.helpRequested()) {
      command.streams().out().println(line.usage());
      command.streams().out().flush();
      return ExitStatus.OK.code();
    }
    Input input = new InputResolver(command.streams().in()).resolve(line.input());
    Printing.print(command, rule.run(input, line.arguments()));
    return ExitStatus.OK.code();
  }
}
