package dev.freshjar.launcher.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The built-in commands and global options as picocli models them, for documents that the build
 * generates from them (the release's man pages), so that those say what the program does.
 */
public final class CommandTree {
  private CommandTree() {}

  /** The top-level command {@code freshjar}, with every built-in command as a subcommand. */
  public static CommandSpec spec() {
    FreshjarCommand.Streams streams =
        new FreshjarCommand.Streams(
            System.in, new PrintWriter(System.out, true), new PrintStream(System.err, true));
    return BuiltInCommands.wholeCommandLine(new FreshjarCommand(streams, Map.of()))
        .getCommandSpec();
  }
}
