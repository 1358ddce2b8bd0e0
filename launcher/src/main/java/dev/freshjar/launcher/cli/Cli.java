package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.modules.UnknownOption;
import dev.freshjar.launcher.modules.UnknownRule;
import dev.freshjar.launcher.output.Untrusted;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses a command line and runs it; the one entry point of the command line. */
public final class Cli {
  private Cli() {}

  /**
   * Runs {@code args} with the given streams and environment: {@code [OPTIONS] RULE [RULE-OPTIONS]
   * INPUT} or {@code [OPTIONS] COMMAND [COMMAND-OPTIONS]}.
   *
   * @return the exit status
   */
  public static int run(
      String[] args, InputStream in, PrintWriter out, PrintStream err, Map<String, String> env) {
    FreshjarCommand command = new FreshjarCommand(new FreshjarCommand.Streams(in, out, err), env);
    try {
      List<String> words = parseGlobalOptions(args, command);
      if (command.helpRequested) {
        BuiltInCommands.printHelp(command, out);
        return ExitStatus.OK.code();
      }
      if (command.versionRequested) {
        VersionCommand.print(out);
        return ExitStatus.OK.code();
      }
      if (words.isEmpty()) {
        throw CommandFailure.usage("no command given; try 'freshjar --help' or 'freshjar rules'");
      }
      if (BuiltInCommands.isBuiltIn(words.get(0))) {
        return BuiltInCommands.run(command, words, List.of(args));
      }
      return runRule(command, words, List.of(args));
    } catch (RuntimeException e) {
      command.progress().closeAll();
      return report(e, err, env);
    } finally {
      command.progress().closeAll();
    }
  }

  /**
   * Runs a rule, {@code words} being its name and what follows, within the whole command line
   * {@code args}; a mistake in its name or a global option after it gets a hint.
   */
  static int runRule(FreshjarCommand command, List<String> words, List<String> args) {
    try {
      return new RuleInvocation(command).run(words);
    } catch (UnknownRule e) {
      throw UsageHints.unknownCommandOrRule(e.name(), e.rules());
    } catch (UnknownOption e) {
      throw UsageHints.misplaced(args, args.size() - words.size(), e.word()).orElseThrow(() -> e);
    }
  }

  /**
   * Sets each global option on {@code command}, up to the first word that is not one.
   *
   * @return that word and all after it
   */
  private static List<String> parseGlobalOptions(String[] args, FreshjarCommand command) {
    Set<GlobalOption> given = EnumSet.noneOf(GlobalOption.class);
    int i = 0;
    for (; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        i++;
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        break;
      }
      int equals = arg.indexOf('=');
      GlobalOption option = GlobalOption.named(equals < 0 ? arg : arg.substring(0, equals));
      if (option == null) {
        throw UsageHints.unknownGlobalOption(arg);
      }
      if (!given.add(option) && !option.repeatable()) {
        throw CommandFailure.usage(option.synopsis() + " is given twice; give it once");
      }
      String value = null;
      if (option.takesValue()) {
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw CommandFailure.usage("missing the value of " + option.synopsis());
        }
      } else if (equals >= 0) {
        throw CommandFailure.usage(option.synopsis() + " takes no value, not '" + arg + "'");
      }
      try {
        option.set(command, value);
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage(option.synopsis() + ": " + e.getMessage());
      }
    }
    return List.of(args).subList(i, args.length);
  }

  /**
   * Tells the user why a command failed and returns its exit status: a {@link CommandFailure}'s own
   * message, or, for a bug of freshjar's own, that it is one.
   */
  static int report(Exception e, PrintStream err, Map<String, String> env) {
    if (e instanceof CommandFailure failure) {
      err.println("freshjar: " + Untrusted.lines(failure.getMessage()));
      return failure.status().code();
    }
    err.println("freshjar: unexpected error: " + Untrusted.lines(String.valueOf(e)));
    if (env.containsKey("FRESHJAR_DEBUG")) {
      for (StackTraceElement frame : e.getStackTrace()) {
        err.println("\tat " + frame);
      }
    } else {
      err.println("Run again with FRESHJAR_DEBUG=1 for details, and report it.");
    }
    return ExitStatus.RULE_FAILED.code();
  }
}
