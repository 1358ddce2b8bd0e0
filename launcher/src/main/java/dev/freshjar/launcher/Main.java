package dev.freshjar.launcher;

import dev.freshjar.launcher.cli.Cli;
import dev.freshjar.launcher.output.StandardOutput;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point {@code bin/freshjar} runs. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 2 && args[0].equals("--class-data-training")) {
      ClassDataTraining.run(java.nio.file.Path.of(args[1]));
      return;
    }
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    ExitGuard.install(err);
    StandardOutput stdout = StandardOutput.ofProcess();
    // Results are UTF-8 whatever the platform's default charset (often ASCII under cron).
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16));
    int status;
    try {
      status = Cli.run(args, System.in, out, err, System.getenv());
      out.flush();
    } catch (CommandFailure e) {
      // The last flush failed: nothing else did.
      err.println("freshjar: " + e.getMessage());
      status = e.status().code();
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println("freshjar: " + ResourceLimits.describe("freshjar", e));
      status = ExitStatus.RULE_FAILED.code();
    }
    if (status == ExitStatus.OK.code() && stdout.failure().isPresent()) {
      // A write failed where a command could not report it (e.g. picocli's own usage text).
      err.println(
          "freshjar: " + StandardOutput.writeError(stdout.failure().get(), null).getMessage());
      status = ExitStatus.RULE_FAILED.code();
    }
    ExitGuard.exit(status);
  }
}
