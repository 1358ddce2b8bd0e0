package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.NearMiss;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Picocli's complaints about a built-in command's arguments, in freshjar's words: {@code cache gcc}
 * gets "did you mean 'cache gc'?", a bad value names the option as {@code update --jitter
 * DURATION}, a global option after the command says that options go first.
 */
final class PicocliErrors {
  private PicocliErrors() {}

  /**
   * @param args the whole command line
   * @param first where the built-in command's name is in {@code args}
   */
  static String describe(ParameterException e, List<String> args, int first) {
    String command = commandName(e.getCommandLine());
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(e.getCommandLine(), command, unmatched.getUnmatched().get(0), args, first);
    }
    CommandLine line = e.getCommandLine();
    if (e.getArgSpec() == null && !line.getSubcommands().isEmpty() && args.size() == first + 1) {
      // 'freshjar cache': a command that is only a group of commands.
      return "'"
          + command
          + "' needs a command: "
          + String.join(", ", line.getSubcommands().keySet())
          + "; e.g. 'freshjar "
          + command
          + " "
          + line.getSubcommands().keySet().iterator().next()
          + "'";
    }
    ArgSpec spec = e.getArgSpec();
    if (e.getCause() instanceof TypeConversionException cause && spec != null) {
      return command + " " + synopsis(spec) + ": " + cause.getMessage();
    }
    return lowerFirst(e.getMessage()) + "; see 'freshjar " + command + " --help'";
  }

  private static String unmatched(
      CommandLine line, String command, String word, List<String> args, int first) {
    if (word.startsWith("-")) {
      var misplaced = UsageHints.misplaced(args, first, word);
      if (misplaced.isPresent()) {
        return misplaced.get().getMessage();
      }
      List<String> names = new ArrayList<>();
      for (OptionSpec option : line.getCommandSpec().options()) {
        names.addAll(List.of(option.names()));
      }
      return "unknown option '"
          + word
          + "' of '"
          + command
          + "'"
          + NearMiss.hint(word, names)
          + "; see 'freshjar "
          + command
          + " --help'";
    }
    if (!line.getSubcommands().isEmpty()) {
      List<String> subcommands =
          line.getSubcommands().keySet().stream().map(name -> command + " " + name).toList();
      return "unknown command '"
          + command
          + " "
          + word
          + "'"
          + NearMiss.hint(command + " " + word, subcommands)
          + "; '"
          + command
          + "' has: "
          + String.join(", ", line.getSubcommands().keySet());
    }
    return "unexpected argument '"
        + word
        + "' of '"
        + command
        + "'; see 'freshjar "
        + command
        + " --help'";
  }

  /** {@code cache gc}: the command's words after {@code freshjar}. */
  private static String commandName(CommandLine line) {
    String qualified = line.getCommandSpec().qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return space < 0 ? qualified : qualified.substring(space + 1);
  }

  /** {@code --jitter DURATION}, or a positional parameter's label. */
  private static String synopsis(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return option.longestName() + (spec.arity().max() > 0 ? " " + spec.paramLabel() : "");
    }
    return spec.paramLabel();
  }

  private static String lowerFirst(String message) {
    return message.isEmpty()
        ? message
        : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
