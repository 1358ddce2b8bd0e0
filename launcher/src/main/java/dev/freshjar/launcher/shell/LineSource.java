package dev.freshjar.launcher.shell;

/** Where the shell's commands come from: a terminal with a line editor, or a pipe or file. */
interface LineSource extends AutoCloseable {
  /**
   * The next command line, or null at the end of input.
   *
   * @throws SkippedLine for a line that cannot be a command (the next call reads the line after it)
   */
  String next();

  /** Prints a message that arrives between commands (a {@code --watch} update), for the user. */
  void announce(String message);

  /**
   * What Ctrl-C does while a command runs (at the prompt, the line editor handles it). A pipe has
   * no such key: the signal then ends the process, as for any command in a pipeline.
   */
  void onInterrupt(Runnable handler);

  /** Whether a person is typing (errors then need no line numbers). */
  boolean interactive();

  @Override
  void close();
}
