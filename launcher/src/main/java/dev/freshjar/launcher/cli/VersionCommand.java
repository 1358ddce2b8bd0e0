package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.ExitStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code version}: what {@code --version} prints, as a command, since users type both. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Prints freshjar's version and its module API's.")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Override
  public Integer call() {
    print(parent.streams().out());
    return ExitStatus.OK.code();
  }

  static void print(PrintWriter out) {
    for (String line : Version.lines()) {
      out.println(line);
    }
    out.flush();
  }
}
