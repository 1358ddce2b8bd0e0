package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Parses a command line and runs it; the one entry point of the command line. */
public final class Cli {
  private Cli() {}

  /**
   * Runs {@code args} with the given streams and environment.
   *
   * @return the exit status
   */
  public static int run(
      String[] args, InputStream in, PrintWriter out, PrintStream err, Map<String, String> env) {
    FreshjarCommand command = new FreshjarCommand(new FreshjarCommand.Streams(in, out, err), env);
    CommandLine line = new CommandLine(command);
    line.setStopAtPositional(true);
    // Only a rule's own options follow its name unparsed; the author's tools take theirs anywhere,
    // as in 'freshjar sign JAR --name MODULE'.
    line.getSubcommands().get("sign").setStopAtPositional(false);
    line.getSubcommands().get("keys").setStopAtPositional(false);
    line.setOut(out)
        .setErr(new PrintWriter(err, true))
        .setExitCodeExceptionMapper(
            e -> e instanceof CommandFailure failure ? failure.status().code() : 1)
        .setParameterExceptionHandler(
            (e, arguments) -> {
              err.println("freshjar: " + e.getMessage());
              err.println("Try 'freshjar --help'.");
              return ExitStatus.USAGE.code();
            })
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              if (e instanceof CommandFailure failure) {
                err.println("freshjar: " + failure.getMessage());
                return failure.status().code();
              }
              // A bug of freshjar's own: say so plainly; the trace is there for whoever debugs.
              err.println("freshjar: unexpected error: " + e);
              if (env.containsKey("FRESHJAR_DEBUG")) {
                for (StackTraceElement frame : e.getStackTrace()) {
                  err.println("\tat " + frame);
                }
              } else {
                err.println("Run again with FRESHJAR_DEBUG=1 for details, and report it.");
              }
              return ExitStatus.RULE_FAILED.code();
            });
    return line.execute(args);
  }
}
