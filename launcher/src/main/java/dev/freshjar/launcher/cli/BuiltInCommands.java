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
      List.of(
          "rules",
          "modules",
          "update",
          "keys",
          "sign",
          "shell",
          "serve",
          "cache",
          "help",
          "version",
          "completion");

  private BuiltInCommands() {}

  static boolean isBuiltIn(String word) {
    return NAMES.contains(word);
  }

  /** Every built-in command's name, in the order the help lists them. */
  static List<String> names() {
    return NAMES;
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
      case "help" -> new HelpCommand();
      case "version" -> new VersionCommand();
      case "completion" -> new CompletionCommand();
      default -> throw new IllegalArgumentException("not a built-in command: " + name);
    };
  }

  /**
   * Runs {@code words}, a built-in command's name and its arguments, under {@code command}.
   *
   * @param args the whole command line, for the hints of a usage error
   * @return the exit status
   */
  static int run(FreshjarCommand command, List<String> words, List<String> args) {
    String name = words.get(0);
    CommandLine line = new CommandLine(command);
    line.addSubcommand(name, create(name));
    // Picocli applies this only to subcommands already added. The author's tools take their
    // options anywhere, as in 'freshjar sign JAR --name MODULE'.
    line.setStopAtPositional(!name.equals("sign") && !name.equals("keys"));
    PrintStream err = command.streams().err();
    lookOfHelp(line, command);
    line.setOut(command.streams().out())
        .setErr(new PrintWriter(err, true))
        .setExitCodeExceptionMapper(
            e -> e instanceof CommandFailure failure ? failure.status().code() : 1)
        .setParameterExceptionHandler(
            (e, arguments) -> {
              err.println(
                  "freshjar: "
                      + Untrusted.lines(
                          PicocliErrors.describe(e, args, args.size() - words.size())));
              return ExitStatus.USAGE.code();
            })
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> Cli.report(e, err, command.env()));
    return line.execute(words.toArray(String[]::new));
  }

  /** Prints the top-level help: the global options, then every built-in command. */
  static void printHelp(FreshjarCommand command, PrintWriter out) {
    wholeCommandLine(command).usage(out);
    out.flush();
  }

  /**
   * The whole command line as picocli would see it, for the help and the completion scripts: the
   * global options of {@link GlobalOption} and every built-in command.
   */
  static CommandLine wholeCommandLine(FreshjarCommand command) {
    CommandLine line = new CommandLine(command);
    for (GlobalOption option : GlobalOption.values()) {
      OptionSpec.Builder spec =
          OptionSpec.builder(option.names())
              .description(option.description())
              .arity(option.takesValue() ? "1" : "0")
              .type(option.takesValue() ? option.valueType() : boolean.class);
      if (option.takesValue()) {
        spec.paramLabel(option.label());
        option.candidates().ifPresent(spec::completionCandidates);
      }
      line.getCommandSpec().addOption(spec.build());
    }
    for (String name : NAMES) {
      line.addSubcommand(name, create(name));
    }
    lookOfHelp(line, command);
    return line;
  }

  /** Help as wide as the terminal, coloured only on one and never with {@code NO_COLOR}. */
  private static void lookOfHelp(CommandLine line, FreshjarCommand command) {
    line.setUsageHelpWidth(command.terminal().helpWidth());
    line.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            command.terminal().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
  }
}
