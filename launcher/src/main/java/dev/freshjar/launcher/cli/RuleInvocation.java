package dev.freshjar.launcher.cli;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one rule from the command line: {@code RULE [RULE-OPTIONS] INPUT}. A rule's options come
 * from its module, so they are parsed only after the modules are loaded, with a command spec built
 * from the rule's declared {@link Parameter}s.
 */
final class RuleInvocation {
  private final FreshjarCommand command;
  private final ModuleSet modules;

  RuleInvocation(FreshjarCommand command, ModuleSet modules) {
    this.command = command;
    this.modules = modules;
  }

  int run(List<String> words) {
    ModuleRule rule = modules.rules().resolve(words.get(0));
    CommandLine parser = new CommandLine(specOf(rule));
    ParseResult parsed;
    try {
      parsed = parser.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
    } catch (ParameterException e) {
      throw CommandFailure.usage(
          e.getMessage() + "\nUsage: " + parser.getUsageMessage().stripTrailing());
    }
    if (parsed.isUsageHelpRequested()) {
      command.streams().out().print(parser.getUsageMessage());
      command.streams().out().flush();
      return ExitStatus.OK.code();
    }
    Arguments arguments = arguments(rule, parsed);
    Input input =
        new InputResolver(command.streams().in()).resolve(parsed.matchedPositional(0).getValue());
    Printing.print(command, rule.run(input, arguments));
    return ExitStatus.OK.code();
  }

  private static CommandSpec specOf(ModuleRule rule) {
    CommandSpec spec = CommandSpec.create().name("freshjar " + rule.name());
    spec.usageMessage()
        .description(
            rule.summary()
                + " ("
                + rule.qualifiedName()
                + ", "
                + rule.module().versionLabel()
                + ")");
    spec.addOption(
        OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
    for (Parameter parameter : rule.parameters()) {
      spec.addOption(
          OptionSpec.builder(optionName(parameter))
              .paramLabel(parameter.name().toUpperCase(Locale.ROOT))
              .type(String.class)
              .description(parameter.summary() + " (default: " + parameter.defaultValue() + ")")
              .build());
    }
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("INPUT")
            .arity("1")
            .type(String.class)
            .description("An http(s) URL, a file: URL, a local path, or - for standard input.")
            .build());
    return spec;
  }

  static String optionName(Parameter parameter) {
    return (parameter.name().length() == 1 ? "-" : "--") + parameter.name();
  }

  private static Arguments arguments(ModuleRule rule, ParseResult parsed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Parameter parameter : rule.parameters()) {
      OptionSpec option = parsed.matchedOption(optionName(parameter));
      String value = option == null ? parameter.defaultValue() : option.getValue();
      try {
        values.put(parameter.name(), parameter.check(value));
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage(rule.name() + ": " + e.getMessage());
      }
    }
    return Arguments.of(values);
  }
}
