package dev.freshjar.launcher;

import dev.freshjar.launcher.cli.Cli;
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
    // Results are UTF-8 whatever the platform's default charset (often ASCII under cron).
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = Cli.run(args, System.in, out, err, System.getenv());
    out.flush();
    System.exit(status);
  }
}
