package dev.freshjar.launcher.modules;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Parameter;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.output.Untrusted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
   * Parses {@code words} (what follows the rule's name): options anywhere, {@code --} ending them,
   * {@code -} standing for standard input.
   *
   * @param presets values to use instead of a parameter's declared default, by parameter name (the
   *     shell's {@code set n 20}); names the rule does not declare are ignored
   * @throws CommandFailure (exit 2) with the rule's usage when the words do not fit
   */
  public static RuleLine parse(
      ModuleRule rule, List<String> words, Syntax syntax, Map<String, String> presets) {
    List<Parameter> parameters = List.copyOf(rule.parameters());
    // Rendered only when shown: a one-shot run should not pay for laying out help text.
    Supplier<String> usage = () -> usage(rule, parameters, syntax);
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("--")) {
        positions.addAll(words.subList(i + 1, words.size()));
        break;
      }
      if (!word.startsWith("-") || word.equals("-")) {
        positions.add(word);
        continue;
      }
      if (word.equals("-h") || word.equals("--help")) {
        return new RuleLine(usage.get(), true, Arguments.none(), "");
      }
      OptionWord option = OptionWord.of(word, parameters);
      if (option.parameter() == null) {
        throw new UnknownOption(word, "unknown option '" + word + "'\n" + usage.get());
      }
      String value = option.inlineValue();
      if (value == null) {
        if (i + 1 == words.size()) {
          throw CommandFailure.usage(
              rule.name()
                  + ": "
                  + optionName(option.parameter())
                  + " needs a value ("
                  + label(option.parameter())
                  + ")\n"
                  + usage.get());
        }
        value = words.get(++i);
      }
      if (options.put(option.parameter().name(), value) != null) {
        throw CommandFailure.usage(
            rule.name() + ": " + optionName(option.parameter()) + " is given twice");
      }
    }
    if (positions.isEmpty()) {
      throw CommandFailure.usage(rule.name() + ": no INPUT given\n" + usage.get());
    }
    int mostValues = syntax == Syntax.OPTIONS ? 0 : parameters.size();
    List<String> values = positions.subList(0, positions.size() - 1);
    if (values.size() > mostValues) {
      throw CommandFailure.usage(
          rule.name()
              + " takes "
              + (mostValues == 0
                  ? "one INPUT"
                  : "at most " + parameters.size() + " value(s) before INPUT")
              + ", not "
              + String.join(" ", positions)
              + "\n"
              + usage.get());
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      given.put(parameters.get(i).name(), values.get(i));
    }
    Map<String, String> checked = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      String option = options.get(parameter.name());
      if (option != null && given.containsKey(parameter.name())) {
        throw CommandFailure.usage(
            rule.name() + ": " + parameter.name() + " is given twice, as an option and a value");
      }
      String value = option != null ? option : given.get(parameter.name());
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
    return new RuleLine("", false, Arguments.of(checked), positions.get(positions.size() - 1));
  }

  /**
   * An option as typed: {@code -n 5}, {@code -n=5}, {@code -n5}, {@code --name V} or {@code
   * --name=V}; {@code parameter} is null when the rule declares no such option.
   */
  private record OptionWord(Parameter parameter, String inlineValue) {
    static OptionWord of(String word, List<Parameter> parameters) {
      for (Parameter parameter : parameters) {
        String name = optionName(parameter);
        if (word.equals(name)) {
          return new OptionWord(parameter, null);
        }
        if (word.startsWith(name + "=")) {
          return new OptionWord(parameter, word.substring(name.length() + 1));
        }
        if (name.length() == 2 && word.startsWith(name)) {
          return new OptionWord(parameter, word.substring(2));
        }
      }
      return new OptionWord(null, null);
    }
  }

  /** Whether the user asked for the rule's help instead of running it. */
  public boolean helpRequested() {
    return helpRequested;
  }

  /** The rule's usage message, {@code Usage: ...}, when {@link #helpRequested()}; else empty. */
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

  /** The rule's help: synopsis, what it does, and each option with its default. */
  private static String usage(ModuleRule rule, List<Parameter> parameters, Syntax syntax) {
    String name = syntax == Syntax.OPTIONS ? "freshjar " + rule.name() : rule.name();
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put(
        "INPUT",
        "An http(s) URL, a file: URL, a local path"
            + (syntax == Syntax.OPTIONS ? ", or - for standard input." : "."));
    rows.put("-h, --help", "Show this help.");
    for (Parameter parameter : parameters) {
      rows.put(
          optionName(parameter) + "=" + label(parameter),
          Untrusted.text(parameter.summary())
              + " (default: "
              + Untrusted.text(parameter.defaultValue())
              + ")");
    }
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder("Usage: ");
    text.append(synopsis(name, parameters, syntax == Syntax.OPTIONS_OR_POSITIONS)).append('\n');
    // The summary, defaults and version are the module's words: escaped, as all text from a jar.
    text.append(Untrusted.text(rule.summary()))
        .append(" (")
        .append(rule.qualifiedName())
        .append(", ")
        .append(Untrusted.text(rule.module().versionLabel()))
        .append(")");
    rows.forEach(
        (label, description) ->
            text.append("\n  ")
                .append(label)
                .append(" ".repeat(width - label.length() + 3))
                .append(description));
    return text.toString();
  }

  /** {@code top [-h] [-n=N] INPUT}, and in the shell {@code top [-h] [-n=N] [N] INPUT}. */
  private static String synopsis(String name, List<Parameter> parameters, boolean positions) {
    StringBuilder line = new StringBuilder(name).append(" [-h]");
    for (Parameter parameter : parameters) {
      line.append(" [").append(optionName(parameter)).append('=').append(label(parameter));
      line.append(']');
    }
    if (positions && !parameters.isEmpty()) {
      line.append(' ');
      for (Parameter parameter : parameters) {
        line.append('[').append(label(parameter)).append(' ');
      }
      line.setLength(line.length() - 1);
      line.append("]".repeat(parameters.size()));
    }
    return line.append(" INPUT").toString();
  }

  private static String label(Parameter parameter) {
    return parameter.name().toUpperCase(Locale.ROOT);
  }
}
