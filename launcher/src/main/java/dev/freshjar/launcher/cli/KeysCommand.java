package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Author keys for signing modules.",
    subcommands = KeysGenerateCommand.class)
final class KeysCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    throw CommandFailure.usage("keys: give a subcommand, e.g. 'freshjar keys generate'");
  }
}
