package dev.freshjar.launcher.cli;

import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Prints a command's own tables in the format the user chose, like a rule's results. */
final class Printing {
  private Printing() {}

  static void print(FreshjarCommand command, Table table) {
    command.progress().closeAll();
    try {
      command.format().write(table, command.streams().out(), command.terminal().destination());
      command.streams().out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to standard output", e);
    }
  }
}
