package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.output.Untrusted;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interactive session: reads commands (from a terminal with JLine, or one per line from a
 * pipe), runs each on the modules published when it starts, and picks up new module versions on
 * {@code update} or, with {@code --watch}, between commands. On a terminal, Ctrl-C stops the
 * running command and the session goes on. What the session holds across reloads is in {@link
 * Session}.
 */
public final class Shell {
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

  private final Session session;
  private final InputStream in;
  private final PrintStream err;
  private final Interrupts interrupts = new Interrupts(Thread.currentThread());
  private long lineNumber;

  public Shell(
      LiveModules modules, Options options, InputStream in, PrintWriter out, PrintStream err) {
    this.session = new Session(modules, options, in, out, err);
    this.in = in;
    this.err = err;
  }

  /**
   * Runs the session until {@code quit}, the end of input, or Ctrl-C twice at an empty prompt.
   *
   * @return for commands read from a pipe, 0 when every command succeeded, else the exit status of
   *     the first that failed; for a person at a terminal, 0 (a mistyped command is no failure of
   *     the session)
   */
  public int run() {
    boolean terminal = System.console() != null;
    try (Documents fetched = session.documents();
        LineSource source = terminal ? openTerminal() : new PipedLines(in, err)) {
      session.attach(source);
      source.onInterrupt(interrupts::interrupt);
      if (source.interactive()) {
        greet();
      }
      Optional<Watcher> watcher = startWatcher();
      try {
        String line;
        while ((line = nextLine(source)) != null) {
          if (!runLine(line)) {
            break;
          }
        }
      } finally {
        watcher.ifPresent(Watcher::close);
      }
      return source.interactive() ? ExitStatus.OK.code() : session.firstFailure().code();
    }
  }

  /** The next line, or null at the end; a line the source refuses is reported, and skipped. */
  private String nextLine(LineSource source) {
    while (true) {
      try {
        String line = source.next();
        lineNumber += line == null ? 0 : 1;
        return line;
      } catch (SkippedLine e) {
        lineNumber++;
        fail(e.status(), e.getMessage());
      }
    }
  }

  private TerminalLines openTerminal() {
    return TerminalLines.open(
        HistoryFile.locate(session.options().env(), System.getProperty("user.home")),
        new ShellCompleter(() -> SessionCommands.commandNames(session), session.documents()::urls),
        err);
  }

  /** {@code freshjar shell: 4 rules from 2 modules; type help}, before the first prompt. */
  private void greet() {
    try (LiveModules.Lease lease = session.modules().acquire()) {
      ModuleSet modules = lease.modules();
      long loaded = modules.statuses().stream().filter(s -> s.loaded().isPresent()).count();
      int rules = modules.rules().all().size();
      session.say(
          "freshjar shell: "
              + rules
              + (rules == 1 ? " rule" : " rules")
              + " from "
              + loaded
              + (loaded == 1 ? " module" : " modules")
              + "; type help");
      session.flush();
    }
  }

  private Optional<Watcher> startWatcher() {
    return session
        .options()
        .watch()
        .map(every -> Watcher.start(every, session.updates()::watchRound, this::announce));
  }

  /** Prints a message from the watcher between commands, never in the middle of one. */
  private void announce(String message) {
    session.commandLock().lock();
    try {
      session.lines().announce(Untrusted.text(message));
    } finally {
      session.commandLock().unlock();
    }
  }

  /** Runs one line; false when it asks to quit. */
  private boolean runLine(String line) {
    session.commandLock().lock();
    interrupts.commandStarted();
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
      interrupts.commandEnded();
      session.flush();
      session.commandLock().unlock();
    }
    return true;
  }

  private boolean execute(String word, List<String> args) {
    Optional<Command> command = Command.named(word);
    if (command.isEmpty()) {
      RuleRun.run(session, word, args);
      return true;
    }
    command.get().run(session, word, args);
    return command.get() != Command.QUIT;
  }

  private void fail(ExitStatus status, String message) {
    session.error((session.interactive() ? "" : "line " + lineNumber + ": ") + message);
    session.recordFailure(status);
  }
}
