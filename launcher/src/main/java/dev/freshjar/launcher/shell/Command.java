package dev.freshjar.launcher.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shell's own commands, each named, described, completed and handled in one place. Any other
 * first word names a rule of a loaded module: the launcher knows no rule by name.
 */
enum Command {
  UPDATE(
      "update, U",
      "check every module for a new version and switch to it",
      Completion.NOTHING,
      SessionCommands::update,
      "update",
      "U"),
  RULES(
      "rules",
      "each rule with the module and version that provide it",
      Completion.NOTHING,
      SessionCommands::rules,
      "rules"),
  MODULES(
      "modules",
      "each module: version, sha256, source, state, fetch time",
      Completion.NOTHING,
      SessionCommands::modules,
      "modules"),
  SET(
      "set [NAME VALUE]",
      "show the settings, or set format text|tsv|json, n N",
      Completion.SETTINGS,
      SessionCommands::set,
      "set"),
  DOCS(
      "docs",
      "the documents this session has fetched",
      Completion.NOTHING,
      SessionCommands::docs,
      "docs"),
  DROP(
      "drop URL", "forget a fetched document", Completion.DOCUMENTS, SessionCommands::drop, "drop"),
  REFETCH(
      "refetch URL",
      "fetch a document again",
      Completion.DOCUMENTS,
      SessionCommands::refetch,
      "refetch"),
  HELP("help", "this list", Completion.NOTHING, SessionCommands::help, "help"),
  QUIT(
      "quit, Q",
      "leave (so do exit, Ctrl-D, Ctrl-C twice at an empty prompt, and the end of input)",
      Completion.NOTHING,
      SessionCommands::quit,
      "quit",
      "exit",
      "Q");

  /** What tab offers after the command's name. */
  enum Completion {
    NOTHING,
    /** Setting names, then a setting's values. */
    SETTINGS,
    /** The URLs of the fetched documents. */
    DOCUMENTS,
    /** What a rule takes: fetched documents and file names. */
    INPUTS
  }

  /** Runs the command; the session goes on unless it is {@link #QUIT}. */
  @FunctionalInterface
  interface Handler {
    void run(Session session, String word, List<String> args);
  }

  private final String synopsis;
  private final String summary;
  private final Completion completion;
  private final Handler handler;
  private final List<String> words;

  Command(
      String synopsis, String summary, Completion completion, Handler handler, String... words) {
    this.synopsis = synopsis;
    this.summary = summary;
    this.completion = completion;
    this.handler = handler;
    this.words = List.of(words);
  }

  /** The command {@code word} names, if it names one. */
  static Optional<Command> named(String word) {
    return Arrays.stream(values()).filter(c -> c.words.contains(word)).findFirst();
  }

  /** Every word that names a command, aliases included. */
  static List<String> allWords() {
    return Arrays.stream(values()).flatMap(c -> c.words.stream()).toList();
  }

  /** What tab offers after {@code word}: a command's own, else a rule's inputs. */
  static Completion completionAfter(String word) {
    return named(word).map(c -> c.completion).orElse(Completion.INPUTS);
  }

  String synopsis() {
    return synopsis;
  }

  String summary() {
    return summary;
  }

  void run(Session session, String word, List<String> args) {
    handler.run(session, word, args);
  }
}
