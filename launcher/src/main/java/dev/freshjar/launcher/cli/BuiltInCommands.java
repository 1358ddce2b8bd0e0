package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The built-in commands ({@code rules}, {@code update}, ...), parsed and run by picocli. Picocli
 * reflects over every annotated command it is given, so a command line gets only the one it names;
 * a rule's run, which needs none, never loads picocli at all.
 */
final class BuiltInCommands {
  // In the order 'freshjar --help' lists them.
  private static final List<String> NAMES =
      List.of("rules", "modules", "update", "keys", "sign", "shell", "serve", "cache");

  private BuiltInCommands() {}

  static boolean isBuiltIn(String word) {
    return NAMES.contains(word);
  }

  // A switch, not a map of constructors: a rule's run then loads none of these classes.
  private static Object create(String name) {
    return switch (name) {
      case "rules" -> new RulesCommand();
      case "modules" -> new ModulesCommand();
      case "update" -> new UpdateCommand();
      case "keys" -> new KeysCommand();
      case "sign" -> new SignCommand();
      case "shell" -> new ShellCommand();
      case "serve" -> new ServeCommand();
      case "cache" -> new CacheCommand();
      default -> throw new IllegalArgumentException("not a built-in command: " + name);
    };
  }

  /**
   * Runs {@code words}, a built-in command's name and its arguments, under {@code command}.
   *
   * @return the exit status
   */
  static int run(FreshjarCommand command, List<String> words) {
    String name = words.get(0);
    CommandLine line = new CommandLine(command);
    line.addSubcommand(name, create(name));
    // Picocli applies this only to subcommands already added. The author's tools take their
    // options anywhere, as in 'freshjar sign JAR --name MODULE'.
    line.setStopAtPositional(!name.equals("sign") && !name.equals("keys"));
    PrintStream err = command.streams().err();
    line.setOut(command.streams().out())
        .setErr(new PrintWriter(err, true))
        .setExitCodeExceptionMapper(
            e -> e instanceof CommandFailure failure ? failure.status().code() : 1)
        .setParameterExceptionHandler(
            (e, arguments) -> {
              err.println("freshjar: " + Untrusted.lines(e.getMessage()));
              err.println("Try 'freshjar " + name + " --help'.");
              return ExitStatus.USAGE.code();
            })
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> Cli.report(e, err, command.env()));
    return line.execute(words.toArray(String[]::new));
  }

  /** Prints the top-level help: the global options, then every built-in command. */
  static void printHelp(FreshjarCommand command, PrintWriter out) {
    tree(command).usage(out);
    out.flush();
  }

  /** The whole command tree: the global options and every built-in command. */
  static CommandLine tree(FreshjarCommand command) {
    CommandLine line = new CommandLine(command);
    for (GlobalOption option : GlobalOption.values()) {
      OptionSpec.Builder spec =
          OptionSpec.builder(option.names())
              .description(option.description())
              .arity(option.takesValue() ? "1" : "0")
              .type(option.takesValue() ? String.class : boolean.class);
      if (option.takesValue()) {
        spec.paramLabel(option.label());
      }
      line.getCommandSpec().addOption(spec.build());
    }
    for (String name : NAMES) {
      line.addSubcommand(name, create(name));
    }
    return line;
  }
}
