package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.ExitStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code help [COMMAND|RULE]}: what {@code --help} shows, as a command, since users type both. */
@Command(
    name = "help",
    mixinStandardHelpOptions = true,
    description = "Shows this help, or a command's or rule's: 'freshjar help top'.")
final class HelpCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Parameters(paramLabel = "COMMAND|RULE", arity = "0..1", description = "What to explain.")
  String topic;

  @Override
  public Integer call() {
    if (topic == null) {
      BuiltInCommands.printHelp(parent, parent.streams().out());
      return ExitStatus.OK.code();
    }
    List<String> words = List.of(topic, "--help");
    return BuiltInCommands.isBuiltIn(topic)
        ? BuiltInCommands.run(parent, words, words)
        : Cli.runRule(parent, words, words);
  }
}
