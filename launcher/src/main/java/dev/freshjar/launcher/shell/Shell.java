package dev.freshjar.launcher.shell;

import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import dev.freshjar.api.Table;
import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Refresh;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import dev.freshjar.launcher.loading.LoadedModule;
import dev.freshjar.launcher.modules.FailureKey;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.ModuleStatus;
import dev.freshjar.launcher.modules.ModuleTables;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.modules.RuleLine;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The interactive session: reads commands (from a terminal with JLine, or one per line from a
 * pipe), runs each on the modules published when it starts, and picks up new module versions on
 * {@code update} or, with {@code --watch}, between commands. What the session holds across reloads
 * (settings, fetched documents, history) is made only of JDK and module-api types, so that nothing
 * keeps an old module version's class loader alive.
 */
public final class Shell {
  private static final List<String[]> BUILTINS =
      List.of(
          new String[] {"W INPUT", "wc"},
          new String[] {"H INPUT", "histogram"},
          new String[] {"update, U", "check every module for a new version and switch to it"},
          new String[] {"rules", "each rule with the module and version that provide it"},
          new String[] {"modules", "each module: version, sha256, source, state, fetch time"},
          new String[] {"set [NAME VALUE]", "show the settings, or set format text|tsv|json, n N"},
          new String[] {"docs", "the documents this session has fetched"},
          new String[] {"drop URL", "forget a fetched document"},
          new String[] {"refetch URL", "fetch a document again"},
          new String[] {"help", "this list"},
          new String[] {"quit, Q", "leave (so do exit and the end of input)"});
  private static final List<String> COMMAND_WORDS =
      List.of(
          "W", "H", "update", "U", "rules", "modules", "set", "docs", "drop", "refetch", "help",
          "quit", "Q");

  /**
   * What a session needs from the command line.
   *
   * @param refresher brings the modules' cache entries up to date
   * @param updateMode how {@code update} and {@code --watch} ask the sources
   * @param format the output format the session starts with
   * @param watch how often to check for new versions in the background, if at all
   * @param env the environment, for the history file's location
   */
  public record Options(
      Refresher refresher,
      Refresher.Mode updateMode,
      Format format,
      Optional<Duration> watch,
      Map<String, String> env) {}

  private final LiveModules modules;
  private final Options options;
  private final InputStream in;
  private final PrintWriter out;
  private final PrintStream err;
  private final SessionSettings settings;
  private final Documents documents;
  // Held while a command runs, and while a watched update is applied: never both at once.
  private final ReentrantLock commandLock = new ReentrantLock();
  // What --watch last reported failing, per module (a jar's sha256 or a source's failure), so that
  // each failure is announced once, not at every round. Used under the command lock only.
  private final Map<String, Object> reportedFailures = new HashMap<>();
  private LineSource lines;
  private ExitStatus firstFailure = ExitStatus.OK;
  private long lineNumber;

  public Shell(
      LiveModules modules, Options options, InputStream in, PrintWriter out, PrintStream err) {
    this.modules = modules;
    this.options = options;
    this.in = in;
    this.out = out;
    this.err = err;
    this.settings = new SessionSettings(options.format());
    this.documents = new Documents(new InputResolver(in));
  }

  /**
   * Runs the session until {@code quit} or the end of input.
   *
   * @return 0 when every command succeeded, else the exit status of the first that failed
   */
  public int run() {
    boolean terminal = System.console() != null;
    Documents fetched = documents;
    try (fetched;
        LineSource source = terminal ? openTerminal() : new PipedLines(in, err)) {
      lines = source;
      Optional<Watcher> watcher = startWatcher();
      try {
        String line;
        while ((line = source.next()) != null) {
          lineNumber++;
          if (!runLine(line)) {
            break;
          }
        }
      } finally {
        watcher.ifPresent(Watcher::close);
      }
    }
    return firstFailure.code();
  }

  private TerminalLines openTerminal() {
    return TerminalLines.open(
        HistoryFile.locate(options.env(), System.getProperty("user.home")),
        new ShellCompleter(this::commandNames, documents::urls),
        err);
  }

  private Optional<Watcher> startWatcher() {
    return options
        .watch()
        .map(every -> Watcher.start(every, this::applyWatchedUpdates, this::announce));
  }

  /** Prints a message from the watcher between commands, never in the middle of one. */
  private void announce(String message) {
    commandLock.lock();
    try {
      lines.announce(Untrusted.text(message));
    } finally {
      commandLock.unlock();
    }
  }

  /** Runs one line; false when it asks to quit. */
  private boolean runLine(String line) {
    commandLock.lock();
    try {
      List<String> words = Words.split(line);
      return words.isEmpty() || execute(words.get(0), words.subList(1, words.size()));
    } catch (CommandFailure e) {
      fail(e.status(), e.getMessage());
    } catch (StackOverflowError | OutOfMemoryError e) {
      // The rule's frames and objects are gone once it has thrown: the session can go on.
      fail(ExitStatus.RULE_FAILED, "the command ran out of resources: " + e);
    } catch (RuntimeException e) {
      fail(ExitStatus.RULE_FAILED, "unexpected error (a bug of freshjar's own): " + e);
    } finally {
      out.flush();
      commandLock.unlock();
    }
    return true;
  }

  private boolean execute(String command, List<String> args) {
    switch (command) {
      case "quit", "exit", "Q" -> {
        noArguments(command, args);
        return false;
      }
      case "help" -> help(args);
      case "update", "U" -> update(command, args);
      case "rules" -> {
        noArguments(command, args);
        try (LiveModules.Lease lease = modules.acquire()) {
          print(ModuleTables.rules(lease.modules()));
        }
      }
      case "modules" -> {
        noArguments(command, args);
        try (LiveModules.Lease lease = modules.acquire()) {
          print(ModuleTables.modules(lease.modules()));
        }
      }
      case "set" -> set(args);
      case "docs" -> {
        noArguments(command, args);
        print(documents.table());
      }
      case "drop" -> {
        String url = oneArgument(command, "URL", args);
        documents.drop(url);
        out.println("dropped " + url);
      }
      case "refetch" -> {
        Documents.Document document = documents.refetch(oneArgument(command, "URL", args));
        out.println("fetched " + document.url() + " (" + document.bytes() + " bytes)");
      }
      case "W" -> runRule("wc", args);
      case "H" -> runRule("histogram", args);
      default -> runRule(command, args);
    }
    return true;
  }

  private void runRule(String name, List<String> args) {
    try (LiveModules.Lease lease = modules.acquire()) {
      ModuleRule rule = lease.modules().rules().resolve(name);
      RuleLine line =
          RuleLine.parse(rule, args, RuleLine.Syntax.OPTIONS_OR_POSITIONS, settings.presets());
      if (line.helpRequested()) {
        out.println(line.usage());
        return;
      }
      Input input = documents.input(line.input());
      print(rule.run(input, line.arguments()));
    }
  }

  private void update(String command, List<String> args) {
    noArguments(command, args);
    List<Refresh> refreshes =
        options.refresher().refreshAll(modules.sources(), options.updateMode());
    boolean unavailable = false;
    for (ModuleReload outcome : modules.reload(refreshes, offline())) {
      out.println(outcome.describe());
      unavailable |= outcome instanceof ModuleReload.Unavailable;
    }
    // The user has seen how every module stands: --watch reports afresh from here.
    reportedFailures.clear();
    if (unavailable) {
      recordFailure(ExitStatus.MODULE_UNAVAILABLE);
    }
  }

  /**
   * One round of {@code --watch}, on the watcher's thread: asks the sources outside the command
   * lock, so that a slow server never holds up a command, then, between commands, switches to what
   * is new and announces it, and announces each failure once.
   */
  private void applyWatchedUpdates() {
    long seen = modules.reloads();
    List<Refresh> refreshes =
        options.refresher().refreshAll(modules.sources(), options.updateMode());
    commandLock.lock();
    try {
      if (modules.reloads() != seen || Thread.currentThread().isInterrupted()) {
        // An update ran meanwhile and may have installed something newer; or the session ends.
        return;
      }
      List<String> offering = new ArrayList<>();
      List<String> messages = new ArrayList<>();
      try (LiveModules.Lease lease = modules.acquire()) {
        List<ModuleStatus> statuses = lease.modules().statuses();
        for (int i = 0; i < refreshes.size(); i++) {
          watchOne(refreshes.get(i), statuses.get(i), offering, messages);
        }
      }
      if (!offering.isEmpty()) {
        List<ModuleReload> outcomes = modules.reload(refreshes, offline());
        for (int i = 0; i < outcomes.size(); i++) {
          ModuleReload outcome = outcomes.get(i);
          if (offering.contains(outcome.module())) {
            if (outcome.changed()) {
              reportedFailures.remove(outcome.module());
            } else {
              refreshes
                  .get(i)
                  .jar()
                  .ifPresent(jar -> reportedFailures.put(outcome.module(), jar.sha256()));
            }
            messages.add(outcome.describe());
          }
        }
      }
      messages.forEach(message -> lines.announce("watch: " + message));
    } finally {
      commandLock.unlock();
    }
  }

  /** Whether one module has a new jar to switch to, or a failure not yet announced. */
  private void watchOne(
      Refresh refresh, ModuleStatus status, List<String> offering, List<String> messages) {
    String name = status.name();
    Optional<LoadedModule> running = status.loaded();
    Optional<String> offered = refresh.jar().map(CachedJar::sha256);
    if (offered.isPresent()
        && !offered.equals(running.map(LoadedModule::jar).map(CachedJar::sha256))) {
      if (!offered.get().equals(reportedFailures.get(name))) {
        offering.add(name);
      }
      return;
    }
    Optional<String> failure = sourceFailure(refresh);
    // Compared by type, not words: the words carry what a server said, which may vary.
    FailureKey key = FailureKey.of(refresh);
    if (failure.isEmpty()) {
      reportedFailures.remove(name);
    } else if (!key.equals(reportedFailures.get(name))) {
      String reason = failure.get();
      reportedFailures.put(name, key);
      messages.add(
          running
              .map(m -> new ModuleReload.Failed(name, reason, m.versionLabel()).describe())
              .orElse(new ModuleReload.Unavailable(name, reason).describe()));
    }
  }

  /** Why a refresh could not use the module's source, unless offline was asked for. */
  private Optional<String> sourceFailure(Refresh refresh) {
    if (refresh instanceof Refresh.Fallback fallback && !offline()) {
      return Optional.of(fallback.reason());
    }
    if (refresh instanceof Refresh.Unavailable unavailable) {
      return Optional.of(unavailable.reason());
    }
    return Optional.empty();
  }

  private void set(List<String> args) {
    if (args.isEmpty()) {
      print(settings.table());
      return;
    }
    if (args.size() != 2) {
      throw CommandFailure.usage("usage: set, or set format text|tsv|json, or set n N|default");
    }
    settings.set(args.get(0), args.get(1));
  }

  private void help(List<String> args) {
    noArguments("help", args);
    List<String[]> rows = new ArrayList<>();
    try (LiveModules.Lease lease = modules.acquire()) {
      List<ModuleRule> rules = lease.modules().rules().all();
      Map<String, Long> providers =
          rules.stream().collect(Collectors.groupingBy(ModuleRule::name, Collectors.counting()));
      for (ModuleRule rule : rules) {
        String name = providers.get(rule.name()) > 1 ? rule.qualifiedName() : rule.name();
        StringBuilder usage = new StringBuilder(name);
        for (Parameter parameter : rule.parameters()) {
          usage.append(" [").append(parameter.name().toUpperCase(Locale.ROOT)).append(']');
        }
        rows.add(
            new String[] {
              usage.append(" INPUT").toString(), rule.summary() + " (" + rule.qualifiedName() + ")"
            });
      }
    }
    rows.addAll(BUILTINS);
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;
    out.println("Commands:");
    for (String[] row : rows) {
      out.println("  " + row[0] + " ".repeat(width - row[0].length()) + row[1]);
    }
    out.println(
        "A rule's values go before INPUT in order, or as options: top 5 FILE, top -n 5 FILE.");
    out.println("INPUT is an http(s) URL (fetched once per session), a file: URL or a local path.");
    out.println("RULE --help shows a rule's options.");
  }

  /** Every word that starts a command: the built-ins and each rule's names, for completion. */
  private List<String> commandNames() {
    List<String> names = new ArrayList<>(COMMAND_WORDS);
    try (LiveModules.Lease lease = modules.acquire()) {
      for (ModuleRule rule : lease.modules().rules().all()) {
        names.add(rule.name());
        names.add(rule.qualifiedName());
      }
    }
    return names.stream().distinct().toList();
  }

  private void print(Table table) {
    try {
      settings.format().write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to standard output", e);
    }
  }

  private boolean offline() {
    return options.updateMode() == Refresher.Mode.OFFLINE;
  }

  private void fail(ExitStatus status, String message) {
    out.flush();
    err.println(
        "error: "
            + (lines.interactive() ? "" : "line " + lineNumber + ": ")
            + Untrusted.lines(message));
    recordFailure(status);
  }

  private void recordFailure(ExitStatus status) {
    if (firstFailure == ExitStatus.OK) {
      firstFailure = status;
    }
  }

  private static void noArguments(String command, List<String> args) {
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
