package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.NearMiss;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line's answers to the mistakes users make: a name that is neither a command nor a
 * rule, an unknown option, a global option given after the rule. One place, so that they read
 * alike: what was wrong, the name probably meant, what to do.
 */
final class UsageHints {
  static final String OPTIONS_GO_FIRST = "options go before the rule or command";

  private UsageHints() {}

  /** {@code freshjar updte}: neither a built-in command nor a loaded rule. */
  static CommandFailure unknownCommandOrRule(String typed, List<String> rules) {
    List<String> names = new ArrayList<>(BuiltInCommands.names());
    names.addAll(rules);
    return CommandFailure.usage(
        "unknown command or rule '"
            + typed
            + "'"
            + NearMiss.hint(typed, names)
            + "\n  commands: "
            + String.join(", ", BuiltInCommands.names())
            + "\n  rules: "
            + String.join(", ", rules)
            + "\n'freshjar help' describes the commands, 'freshjar rules' the rules");
  }

  /** {@code freshjar --fromat json top ...}: no global option of that name. */
  static CommandFailure unknownGlobalOption(String word) {
    String name = optionName(word);
    List<String> names = new ArrayList<>();
    for (GlobalOption option : GlobalOption.values()) {
      names.addAll(List.of(option.names()));
    }
    return CommandFailure.usage(
        "unknown option '"
            + word
            + "'"
            + NearMiss.hint(name, names)
            + "; "
            + OPTIONS_GO_FIRST
            + ", see 'freshjar --help'");
  }

  /**
   * {@code freshjar top README.md --format json}: a global option after the rule or command, with
   * the command line that says it, the option moved to the front; empty when {@code word} is not a
   * global option.
   *
   * @param args the whole command line
   * @param first where the rule's or command's name is in {@code args}
   * @param word the unknown option as typed after it
   */
  static Optional<CommandFailure> misplaced(List<String> args, int first, String word) {
    GlobalOption option = GlobalOption.named(optionName(word));
    int at = args.subList(first, args.size()).indexOf(word);
    if (option == null || at < 0) {
      return Optional.empty();
    }
    at += first;
    int end = option.takesValue() && !word.contains("=") ? Math.min(at + 2, args.size()) : at + 1;
    List<String> fixed = new ArrayList<>(args.subList(0, first));
    fixed.addAll(args.subList(at, end));
    fixed.addAll(args.subList(first, at));
    fixed.addAll(args.subList(end, args.size()));
    return Optional.of(
        CommandFailure.usage(
            option.synopsis()
                + " is a global option, not one of '"
                + args.get(first)
                + "'; "
                + OPTIONS_GO_FIRST
                + ": freshjar "
                + String.join(" ", fixed)));
  }

  /** {@code --format} of {@code --format=json}. */
  private static String optionName(String word) {
    int equals = word.indexOf('=');
    return equals < 0 ? word : word.substring(0, equals);
  }
}
