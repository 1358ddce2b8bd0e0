package dev.freshjar.launcher.shell;

import dev.freshjar.api.Parameter;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleTables;
import dev.freshjar.launcher.output.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The handlers of the shell's own commands (see {@link Command}). */
final class SessionCommands {
  private SessionCommands() {}

  static void update(Session session, String word, List<String> args) {
    noArguments(word, args);
    session.updates().update();
  }

  static void rules(Session session, String word, List<String> args) {
    noArguments(word, args);
    try (LiveModules.Lease lease = session.modules().acquire()) {
      session.print(ModuleTables.rules(lease.modules()));
    }
  }

  static void modules(Session session, String word, List<String> args) {
    noArguments(word, args);
    try (LiveModules.Lease lease = session.modules().acquire()) {
      session.print(ModuleTables.modules(lease.modules()));
    }
  }

  static void set(Session session, String word, List<String> args) {
    SessionSettings settings = session.settings();
    if (args.isEmpty()) {
      session.print(settings.table());
      return;
    }
    if (args.size() != 2) {
      throw CommandFailure.usage("usage: set, or set format text|tsv|json, or set n N|default");
    }
    settings.set(args.get(0), args.get(1));
    // A person typing needs to see it took; a script knows what it set.
    if (session.interactive()) {
      session.say(args.get(0) + " is now " + settings.value(args.get(0)));
    }
  }

  static void docs(Session session, String word, List<String> args) {
    noArguments(word, args);
    session.print(session.documents().table());
  }

  static void drop(Session session, String word, List<String> args) {
    String url = oneArgument(word, "URL", args);
    session.documents().drop(url);
    session.say("dropped " + url);
  }

  static void refetch(Session session, String word, List<String> args) {
    Documents.Document document = session.documents().refetch(oneArgument(word, "URL", args));
    session.say("fetched " + document.url() + " (" + document.bytes() + " bytes)");
  }

  static void quit(Session session, String word, List<String> args) {
    noArguments(word, args);
  }

  static void help(Session session, String word, List<String> args) {
    noArguments(word, args);
    List<String[]> rows = new ArrayList<>();
    try (LiveModules.Lease lease = session.modules().acquire()) {
      List<ModuleRule> rules = lease.modules().rules().all();
      Map<String, Long> providers =
          rules.stream().collect(Collectors.groupingBy(ModuleRule::name, Collectors.counting()));
      for (ModuleRule rule : rules) {
        // A bare name that another module or a command of the shell's own also has runs not this
        // rule: only MODULE:RULE does.
        boolean bare = providers.get(rule.name()) == 1 && Command.named(rule.name()).isEmpty();
        String name = bare ? rule.name() : rule.qualifiedName();
        StringBuilder usage = new StringBuilder(name);
        for (Parameter parameter : rule.parameters()) {
          usage.append(" [").append(parameter.name().toUpperCase(Locale.ROOT)).append(']');
        }
        rows.add(
            new String[] {
              usage.append(" INPUT").toString(),
              Untrusted.text(rule.summary()) + " (" + rule.qualifiedName() + ")"
            });
      }
    }
    for (Command command : Command.values()) {
      rows.add(new String[] {command.synopsis(), command.summary()});
    }
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;
    session.say("Commands:");
    for (String[] row : rows) {
      session.say("  " + row[0] + " ".repeat(width - row[0].length()) + row[1]);
    }
    session.say(
        "A rule's values go before INPUT in order, or as options: top 5 FILE, top -n 5 FILE.");
    session.say("INPUT is an http(s) URL (fetched once per session), a file: URL or a local path.");
    session.say("RULE --help shows a rule's options. Ctrl-C stops a running command.");
  }

  /** Every word that starts a command: the built-ins and each rule's names, for completion. */
  static List<String> commandNames(Session session) {
    List<String> names = new ArrayList<>(Command.allWords());
    try (LiveModules.Lease lease = session.modules().acquire()) {
      for (ModuleRule rule : lease.modules().rules().all()) {
        names.add(rule.name());
        names.add(rule.qualifiedName());
      }
    }
    return names.stream().distinct().toList();
  }

  static void noArguments(String command, List<String> args) {
    if (!args.isEmpty()) {
      throw CommandFailure.usage(command + " takes no arguments, not " + String.join(" ", args));
    }
  }

  private static String oneArgument(String command, String label, List<String> args) {
    if (args.size() != 1) {
      throw CommandFailure.usage("usage: " + command + " " + label);
    }
    return args.get(0);
  }
}
