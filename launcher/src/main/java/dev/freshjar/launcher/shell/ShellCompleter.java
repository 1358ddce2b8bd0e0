package dev.freshjar.launcher.shell;

import java.util.List;
import java.util.function.Supplier;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command and rule names first (the rules loaded now, so a reload is seen at once),
 * then settings, fetched document URLs and file names. Holds suppliers, never a rule.
 */
final class ShellCompleter implements Completer {
  private final Supplier<List<String>> commands;
  private final Supplier<List<String>> documents;
  private final Completer files = new Completers.FileNameCompleter();

  ShellCompleter(Supplier<List<String>> commands, Supplier<List<String>> documents) {
    this.commands = commands;
    this.documents = documents;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    int index = line.wordIndex();
    if (index == 0) {
      add(commands.get(), candidates);
      return;
    }
    List<String> words = line.words();
    switch (Command.completionAfter(words.get(0))) {
      case SETTINGS -> {
        if (index == 1) {
          add(SessionSettings.NAMES, candidates);
        } else if (index == 2 && words.get(1).equals(SessionSettings.FORMAT)) {
          add(List.of("text", "tsv", "json"), candidates);
        }
      }
      case DOCUMENTS -> add(documents.get(), candidates);
      case NOTHING -> {}
      case INPUTS -> {
        add(documents.get(), candidates);
        files.complete(reader, line, candidates);
      }
    }
  }

  private static void add(List<String> values, List<Candidate> candidates) {
    values.forEach(value -> candidates.add(new Candidate(value)));
  }
}
