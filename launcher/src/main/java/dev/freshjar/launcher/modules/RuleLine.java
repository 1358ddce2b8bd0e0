package dev.freshjar.launcher.modules;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Parameter;
import dev.freshjar.launcher.CommandFailure;
import java.util.ArrayList;
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
 * The words a user typed after a rule's name, parsed against the rule's declared {@link
 * Parameter}s: {@code [-n N] [--name V] INPUT}, and in the shell also {@code [N [V]] INPUT} with
 * the values in declaration order. A rule's options come from its module, so the command spec is
 * built when the rule is known, for the one-shot command line and the shell alike.
 */
public final class RuleLine {
  /** Where a rule's values may be written. */
  public enum Syntax {
    /** Only as options: {@code -n N}, {@code --name V} (the one-shot command line). */
    OPTIONS,
    /** As options, or positionally before INPUT in declaration order (the shell). */
    OPTIONS_OR_POSITIONS
  }

  private final String usage;
  private final boolean helpRequested;
  private final Arguments arguments;
  private final String input;

  private RuleLine(String usage, boolean helpRequested, Arguments arguments, String input) {
    this.usage = usage;
    this.helpRequested = helpRequested;
    this.arguments = arguments;
    this.input = input;
  }

  /**
   * Parses {@code words} (what follows the rule's name).
   *
   * @param presets values to use instead of a parameter's declared default, by parameter name (the
   *     shell's {@code set n 20}); names the rule does not declare are ignored
   * @throws CommandFailure (exit 2) with the rule's usage when the words do not fit
   */
  public static RuleLine parse(
      ModuleRule rule, List<String> words, Syntax syntax, Map<String, String> presets) {
    List<Parameter> parameters = List.copyOf(rule.parameters());
    CommandLine parser = new CommandLine(specOf(rule, parameters, syntax));
    String usage = parser.getUsageMessage().stripTrailing();
    ParseResult parsed;
    try {
      parsed = parser.parseArgs(words.toArray(String[]::new));
    } catch (ParameterException e) {
      throw CommandFailure.usage(e.getMessage() + "\n" + usage);
    }
    if (parsed.isUsageHelpRequested()) {
      return new RuleLine(usage, true, Arguments.none(), "");
    }
    List<String> positions = parsed.matchedPositional(0).stringValues();
    List<String> values = positions.subList(0, positions.size() - 1);
    if (values.size() > parameters.size()) {
      throw CommandFailure.usage(
          rule.name()
              + " takes "
              + (parameters.isEmpty()
                  ? "no values"
                  : "at most " + parameters.size() + " value(s) before INPUT")
              + ", not "
              + String.join(" ", positions)
              + "\n"
              + usage);
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      given.put(parameters.get(i).name(), values.get(i));
    }
    Map<String, String> checked = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      OptionSpec option = parsed.matchedOption(optionName(parameter));
      if (option != null && given.containsKey(parameter.name())) {
        throw CommandFailure.usage(
            rule.name() + ": " + parameter.name() + " is given twice, as an option and a value");
      }
      String value = option != null ? option.getValue() : given.get(parameter.name());
      String origin = "";
      if (value == null && presets.containsKey(parameter.name())) {
        value = presets.get(parameter.name());
        origin = " (from 'set " + parameter.name() + "')";
      }
      if (value == null) {
        value = parameter.defaultValue();
      }
      try {
        checked.put(parameter.name(), parameter.check(value));
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage(rule.name() + ": " + e.getMessage() + origin);
      }
    }
    return new RuleLine(usage, false, Arguments.of(checked), positions.get(positions.size() - 1));
  }

  /** Whether the user asked for the rule's help instead of running it. */
  public boolean helpRequested() {
    return helpRequested;
  }

  /** The rule's usage message, {@code Usage: ...}, for {@code RULE --help}. */
  public String usage() {
    return usage;
  }

  /** A checked value for every declared parameter, defaults filled in. */
  public Arguments arguments() {
    return arguments;
  }

  /** What the user gave as INPUT. */
  public String input() {
    return input;
  }

  /** {@code -n} for a one-letter parameter, {@code --name} for a longer one. */
  public static String optionName(Parameter parameter) {
    return (parameter.name().length() == 1 ? "-" : "--") + parameter.name();
  }

  private static CommandSpec specOf(ModuleRule rule, List<Parameter> parameters, Syntax syntax) {
    CommandSpec spec =
        CommandSpec.create()
            .name(syntax == Syntax.OPTIONS ? "freshjar " + rule.name() : rule.name());
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
    for (Parameter parameter : parameters) {
      spec.addOption(
          OptionSpec.builder(optionName(parameter))
              .paramLabel(label(parameter))
              .type(String.class)
              .description(parameter.summary() + " (default: " + parameter.defaultValue() + ")")
              .build());
    }
    boolean positions = syntax == Syntax.OPTIONS_OR_POSITIONS && !parameters.isEmpty();
    // With values before INPUT, one list takes every positional word: INPUT is the last.
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("INPUT")
            .hideParamSyntax(true)
            .index(positions ? "0..*" : "0")
            .arity(positions ? "1..*" : "1")
            .type(positions ? List.class : String.class)
            .auxiliaryTypes(String.class)
            .description(
                "An http(s) URL, a file: URL, a local path"
                    + (syntax == Syntax.OPTIONS ? ", or - for standard input." : "."))
            .build());
    if (positions) {
      spec.usageMessage().customSynopsis(synopsis(rule.name(), parameters));
    }
    return spec;
  }

  /** {@code top [-h] [-n=N] [N] INPUT}: picocli cannot say that values may precede INPUT. */
  private static String synopsis(String name, List<Parameter> parameters) {
    StringBuilder line = new StringBuilder(name).append(" [-h]");
    for (Parameter parameter : parameters) {
      line.append(" [").append(optionName(parameter)).append('=').append(label(parameter));
      line.append(']');
    }
    List<String> labels = new ArrayList<>();
    parameters.forEach(p -> labels.add(label(p)));
    line.append(' ');
    for (String label : labels) {
      line.append('[').append(label).append(' ');
    }
    line.setLength(line.length() - 1);
    line.append("]".repeat(labels.size())).append(" INPUT");
    return line.toString();
  }

  private static String label(Parameter parameter) {
    return parameter.name().toUpperCase(Locale.ROOT);
  }
}
